# requires: MODULE_JSON MODULE_IO
import io
import json

buf = io.StringIO()
json.dump({'a': [1, 2]}, buf, indent=1)
print(repr(buf.getvalue()))
buf.seek(0)
print(json.load(buf))
print(json.load(io.StringIO('[true]')))
