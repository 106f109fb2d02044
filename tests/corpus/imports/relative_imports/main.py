from app import run
print(run())
import app.core.engine as eng
print(eng.describe())
