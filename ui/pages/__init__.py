"""One page per step of the method, plus the overview and the history."""
