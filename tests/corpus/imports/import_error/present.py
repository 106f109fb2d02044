x = "present"
