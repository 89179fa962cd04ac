"""The read layer: files in. Workbooks (.xlsx, one unit or many), criterion sets,
playbooks, scenarios and peers files become the core's and analysis's plain objects.

It imports parcalc.core and parcalc.analysis (for the objects it builds), never
parcalc.write. Every problem a file can have is raised with its place (file:line,
sheet and cell). A new input format or a new workbook shape goes here.
"""
