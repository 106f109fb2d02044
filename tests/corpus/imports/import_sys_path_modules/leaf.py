print("leaf executes")
