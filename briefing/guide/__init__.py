"""The method as rules: readiness, ally cadence, leadership dosing, presentation history."""
