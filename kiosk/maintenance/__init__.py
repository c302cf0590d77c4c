"""Staff maintenance mode without Qt: who may enter (auth), the staff session, and the actions
the maintenance screens offer, each written to the hall's audit table (hall/audit.py)."""
