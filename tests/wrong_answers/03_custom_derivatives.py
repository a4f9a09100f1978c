"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    "cd-ex-sinc": """
def sinc(x):  # one where only: the value is right, the gradient at 0 is nan
    return jnp.where(x == 0, 1.0, jnp.sin(x) / x)
""",
    "cd-ex-sqrt": """
def newton_sqrt(a, steps):  # unrolled: the derivative of the iterations
    x = a
    for _ in range(steps):
        x = 0.5 * (x + a / x)
    return x
""",
    "cd-ex-clip": """
def clip_gradient(x, low, high):  # clips the value, not the gradient
    return jnp.clip(x, low, high)
""",
    "cd-ex-eig": """
@jax.custom_vjp
def dominant_eigenvalue(A):
    return jnp.linalg.eigvalsh(A)[-1]


def dominant_eigenvalue_fwd(A):
    values, vectors = jnp.linalg.eigh(A)
    return values[-1], vectors[:, 0]  # eigh sorts ascending: the smallest


def dominant_eigenvalue_bwd(v, lam_bar):
    return (lam_bar * jnp.outer(v, v),)


dominant_eigenvalue.defvjp(dominant_eigenvalue_fwd, dominant_eigenvalue_bwd)
""",
}
