"""Checks: the status of a check (``status``), figures against the tables (``figures``), a table's own
arithmetic (``arithmetic``) and the audit of a whole release (``audit``)."""
