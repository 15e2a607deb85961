# The internal subpackage.
