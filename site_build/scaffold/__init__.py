"""Starting new content files from the one schema: ``brobygger new`` and the editor's guide's
generated field tables."""
