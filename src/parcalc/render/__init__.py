"""Renderers: each result in each output format. They return text (or bytes for xlsx
and docx); writing it is the caller's business, so that every format goes through the
same safe output path."""
