# requires: MODULE_JSON ERROR_MSG_DETAILED
# An unknown keyword of json.loads() is reported as CPython's JSONDecoder (which loads()
# passes its keywords to) reports it; a known one given twice stays loads()'s.
import json


def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: json.loads("1", foo=1))
t(lambda: json.loads("[1]", parse_int=str, bar=2))
t(lambda: json.loads("1", s=2))
t(lambda: json.loads("[2]", parse_int=str))
