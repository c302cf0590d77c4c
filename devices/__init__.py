"""Device drivers, one package per kind. No Qt here: drivers run on their own worker threads."""
