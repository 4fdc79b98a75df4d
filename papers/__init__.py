"""The committee papers, rebuilt from the data for any round and as at any date.

``snapshot`` reads a review's data live or from the history tables;
``build`` turns it into the three papers; ``word`` and ``spreadsheet``
write them as .docx and CSV; the views and ``render_paper`` share them all.
"""
