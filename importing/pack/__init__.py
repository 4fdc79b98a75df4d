"""The offline update pack: an officer's owed updates as an Excel or Word file, filled in and uploaded back.

The pack is written and read here, side by side, so that the two cannot
drift apart: ``content`` says what a pack holds and signs its identity,
``excel`` and ``word`` write and read the two formats, ``check`` decides
what a filled-in pack may record, and ``services`` holds an upload for its
officer to check and then records it through the recommendations' services.
"""
