"""Evidence: survey imports and their analysis, stakeholder imports, KPI effects."""
