from models import Base, Derived, make
import models
d = make("x")
print(isinstance(d, Base), isinstance(d, models.Derived), d.describe())
class Local(models.Base):
    def describe(self):
        return "local " + super().describe()
print(Local("y").describe())
