"""MkDocs hooks, one concern per module, listed in mkdocs.yml in the order they run.

Each hook publishes what a pure module of scripts/ computes and turns its failure into a
PluginError naming the page. Hooks import scripts/ and snippets/ inside their functions, never at
the top: `reload.py` drops those modules at every (re)build of `mkdocs serve`, so each build uses
the code as it is on disk.
"""
