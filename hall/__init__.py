"""The hall's shared records in SQL (an SQLite file, or PostgreSQL shared by every machine of the
hall). No Qt; used by kiosks, counters, display boards and CLIs."""
