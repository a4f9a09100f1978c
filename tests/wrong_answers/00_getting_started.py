"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    "gs-ex-derivative": """
def derivative(f):
    h = 1e-4  # a finite difference, not automatic differentiation
    return lambda xs: (f(xs + h) - f(xs)) / h
""",
    "gs-ex-keys": """
def draw_two(key, n):
    return jax.random.normal(key, (n,)), jax.random.normal(key, (n,))
""",
}
