"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    # The closed form of the x e^{-x} case typed in, instead of differentiating f.
    "ad-ex-xexp": """
def vectorised_derivative(f):
    return lambda xs: (1 - xs) * jnp.exp(-xs)


def xexp_prime(x):
    return (1 - x) * jnp.exp(-x)
""",
    # The signed margin forgotten: the smallest score <theta, x_i> instead.
    "ad-ex-aux": """
def loss_and_min_margin(theta, X, y):
    return jnp.mean(jax.nn.softplus(-y * (X @ theta))), jnp.min(X @ theta)


(loss_value, min_margin), grad_value = jax.value_and_grad(
    loss_and_min_margin, has_aux=True
)(theta0, X, y)
""",
    # A forward difference under the name `central`, and the ratio it leads to.
    "ad-ex-central": """
def central(f, x, h):
    return (f(x + h) - f(x)) / h


error_at = {h: abs(central(np.sin, 1.0, h) - np.cos(1.0)) for h in (1e-2, 5e-3)}
ratio = error_at[1e-2] / error_at[5e-3]
expected_ratio = 2
""",
    # The single `where` of the task: right values, nan gradient at 0.
    "ad-ex-safe": """
def safe_f(x):
    return jnp.where(x > 0, x**2 * jnp.log(x), 0.0)
""",
    # The norm of each leaf added up, instead of the norm of all entries.
    "ad-ex-bias": """
def tree_norm(tree):
    return sum(jnp.linalg.norm(leaf) for leaf in jax.tree.leaves(tree))
""",
}
