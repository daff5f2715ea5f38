"""One function per slide kind: workspace facts → slide specs, answer first, little text.

One module per part of the deck (``opening``, ``case``, ``evidence``, ``people``, ``plan``,
``appendix``), over a shared ``context`` and shared ``facts``. Every function returns the slides of
its section; what does not fit a main slide's budget goes to ``ctx.details`` (shown in the appendix),
and everything behind a slide goes to its notes.
"""
