"""The write layer: files out. Each result in each output format (terminal table,
Markdown, CSV, JSON, xlsx, docx, YAML) as text or bytes, and the one safe path that
puts them in a file (output.py).

Renderers return what to write; writing it is the caller's business, so that every
format goes through the same safe output path. It imports parcalc.core and
parcalc.analysis (the results it shows), never parcalc.read. A new output format goes here.
"""
