print("raising bare")
raise RuntimeError
