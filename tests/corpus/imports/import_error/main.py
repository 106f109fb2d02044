try:
    import no_such_module_here
except ImportError as e:
    print("ImportError", type(e).__name__)
try:
    from present import missing_name
except ImportError:
    print("ImportError for missing name")
import present
print(present.x)
