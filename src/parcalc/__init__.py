"""parcalc: calculator for Vietnam's Public Administration Reform Index (Chỉ số CCHC).

The engine is plain Python; see parcalc.api for everything the command line does.
"""

__version__ = "0.1.0"
