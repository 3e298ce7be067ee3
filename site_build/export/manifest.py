"""``imsmanifest.xml`` for a SCORM 1.2 package: one organization, one item, one SCO."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from urllib.parse import quote

__all__ = ["ADLCP", "IMSCP", "MANIFEST", "manifest_xml", "xml_id"]

MANIFEST = "imsmanifest.xml"
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMAS = (f"{IMSCP} imscp_rootv1p1p2.xsd "
            "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
            f"{ADLCP} adlcp_rootv1p2.xsd")


def xml_id(text: str) -> str:
    """``text`` as an XML ID (an NCName): letters, digits, ``.-_``, starting with a letter."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "x"
    return cleaned if cleaned[0].isalpha() else f"x-{cleaned}"


def manifest_xml(track_id: str, title: str, launch: str, files: Iterable[str]) -> bytes:
    """The manifest of a package with one SCO that starts at ``launch``.

    Args:
        track_id: The track's id (names the manifest, organization, item and resource).
        title: The track's title, shown by the LMS.
        launch: The SCO's launch page, relative to the package root.
        files: Every file of the package but the manifest, relative to its root.

    Returns:
        The UTF-8 XML, ADL CP schema names (``adlcp:scormtype="sco"``), paths URL-encoded.
    """
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("xsi", _XSI)
    base = xml_id(f"brobygger-{track_id}")
    root = ET.Element(f"{{{IMSCP}}}manifest",
                      {"identifier": base, "version": "1.0", f"{{{_XSI}}}schemaLocation": _SCHEMAS})
    meta = ET.SubElement(root, f"{{{IMSCP}}}metadata")
    ET.SubElement(meta, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(meta, f"{{{IMSCP}}}schemaversion").text = "1.2"
    orgs = ET.SubElement(root, f"{{{IMSCP}}}organizations", {"default": f"{base}-org"})
    org = ET.SubElement(orgs, f"{{{IMSCP}}}organization", {"identifier": f"{base}-org"})
    ET.SubElement(org, f"{{{IMSCP}}}title").text = title
    item = ET.SubElement(org, f"{{{IMSCP}}}item", {
        "identifier": f"{base}-item", "identifierref": f"{base}-sco", "isvisible": "true"})
    ET.SubElement(item, f"{{{IMSCP}}}title").text = title
    resources = ET.SubElement(root, f"{{{IMSCP}}}resources")
    resource = ET.SubElement(resources, f"{{{IMSCP}}}resource", {
        "identifier": f"{base}-sco", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco",
        "href": quote(launch)})
    for name in sorted(set(files)):
        ET.SubElement(resource, f"{{{IMSCP}}}file", {"href": quote(name)})
    ET.indent(root)
    xml: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"
