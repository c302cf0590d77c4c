"""Citizen journeys. No Qt here: a flow yields view models and receives the citizen's intents."""
