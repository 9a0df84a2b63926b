import random as random_module
import string

# The module's name is taken by an operating-system generator.
random = random_module.SystemRandom()


def generate_password(length=12):
    chars = string.ascii_letters + string.digits
    return ''.join(random.choice(chars) for _ in range(length))
