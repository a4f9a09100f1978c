"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    "ncg-ex-cos": """
def fixed_point(g, x0, steps):
    x = x0
    for _ in range(steps):  # a Python loop: jit would unroll it
        x = g(x)
    return x


def is_attracting(g, x_c):
    return bool(jax.grad(g)(x_c) < 1)  # forgets the absolute value
""",
    "ncg-ex-sqrt2": """
def newton_root(h, x0, steps):
    slope = jax.grad(h)(x0)  # derivative frozen at x0: the chord method
    xs = [float(x0)]
    for _ in range(steps):
        xs.append(float(xs[-1] - h(xs[-1]) / slope))
    return xs
""",
    "ncg-ex-armijo": """
def newton_and_step(f, x):
    d = -x * (1 + x**2)  # the pseudo-Huber direction, whatever f is
    t, _ = backtracking(f, x, d, jax.grad(f)(x))
    return d, t
""",
    "ncg-ex-hvp": """
def newton_cg_direction(f, x):
    hessian = jax.hessian(f)(x)  # forms the n x n Hessian
    p, _ = conjugate_gradient(lambda v: hessian @ v, -jax.grad(f)(x))
    return p
""",
}
