"""Small pure helpers every layer uses: text, clock, option schema, masking. No Qt, no I/O."""
