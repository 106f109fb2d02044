# Start-up cost: an empty program measures interpreter initialisation alone.
