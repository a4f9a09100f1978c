"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    "fr-ex-direction": """
def directional_derivative(f, x, u):
    h = 1e-3  # a forward difference instead of a JVP
    return (f(x + h * u) - f(x)) / h
""",
    "fr-ex-cos": """
PRIMITIVES["cos"] = (math.cos, lambda a: (math.sin(a),))  # sign of the derivative
cos = primitive("cos")


def dq_forward(x):
    return (cos(Dual(x, 1.0)) * sin(Dual(x, 1.0))).tangent


def dq_reverse(x):
    tape = []
    x_var = Var(x, tape)
    backward(cos(x_var) * sin(x_var))
    return x_var.adjoint
""",
    "fr-ex-vhv": """
def vhv(f, x, v):
    return v @ jax.hessian(f)(x) @ v  # right value, but forms the Hessian
""",
    "fr-ex-choose": """
choice = "jacfwd"  # one pass per input: 2000 of them
J_wide = jax.jacfwd(wide_map)(x_wide)
""",
    "fr-ex-hessian": """
def hessian_from_hvps(f):
    @jax.jit  # hides the Python loop inside one jit equation
    def hessian(x):  # a Python loop over the basis vectors, not vmap
        basis = jnp.eye(x.size)
        return jnp.stack([hvp_fwd_rev(f, x, e) for e in basis], axis=1)

    return hessian
""",
}
