"""Build-time code: figure and table generators, the LaTeX → MathML converter and MkDocs hooks."""
