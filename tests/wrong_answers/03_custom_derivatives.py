"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    "cd-ex-clip": """
def clip_gradient(x, low, high):  # clips the value, not the gradient
    return jnp.clip(x, low, high)
""",
    "cd-ex-sinc": """
@jax.custom_jvp
def sinc(x):  # right at 0, but the slope cancels to 0 near it in float32
    safe = jnp.where(x == 0, 1.0, x)
    return jnp.where(x == 0, 1.0, jnp.sin(safe) / safe)


@sinc.defjvp
def sinc_jvp(primals, tangents):
    (x,), (x_dot,) = primals, tangents
    safe = jnp.where(x == 0, 1.0, x)
    slope = (jnp.cos(safe) * safe - jnp.sin(safe)) / safe**2
    return sinc(x), jnp.where(x == 0, 0.0, slope) * x_dot
""",
    "cd-ex-sqrt": """
def newton_sqrt(a, steps):  # unrolled: the derivative of the iterations
    x = a
    for _ in range(steps):
        x = 0.5 * (x + a / x)
    return x
""",
    "cd-ex-eig": """
def dominant_eigenvalue(A):  # right values, but autodiff through 500 steps
    def step(i, v):
        w = A @ v
        return w / jnp.linalg.norm(w)

    v = jax.lax.fori_loop(0, 500, step, jnp.ones(A.shape[0]))
    return v @ A @ v
""",
}
