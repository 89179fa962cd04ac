"""The analysis layer: what is built on a scored result: what-if scenarios, plans,
rankings, year-over-year comparison, the remediation appendix, playbooks, peers.

Pure like the core (no files, no terminal, no third-party libraries); it imports only
parcalc.core and its own modules. A new question an analyst asks of results goes here.
"""
