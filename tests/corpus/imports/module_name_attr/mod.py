def run_if_main():
    return "mod main block skipped" if __name__ != "__main__" else "main"
if __name__ == "__main__":
    print("never printed on import")
