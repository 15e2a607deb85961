# The routers subpackage.
