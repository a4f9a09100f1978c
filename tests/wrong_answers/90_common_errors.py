"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    "err-ex-static": """
ones_like_length = jax.jit(make_ones)  # n is still traced
""",
    "err-ex-where": """
def soft_threshold_jax(x, t):
    return jnp.where(jnp.abs(x) > t, x - t, 0.0)  # wrong below -t
""",
}
