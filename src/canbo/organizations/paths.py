"""A unit's materialized path ("/1/5/17/": the root's id first, the unit's own last), read without Django so
that the plain-Python engines can use it too."""


def path_ids(path: str) -> list[int]:
    return [int(part) for part in path.strip("/").split("/") if part]
