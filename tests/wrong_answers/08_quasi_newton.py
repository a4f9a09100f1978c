"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    "qn-ex-pd": """
def min_eigenvalue_after(H, s, y):
    H_new = bfgs_update(H, s, y)
    return float(jnp.diag(H_new).min())  # a diagonal entry, not an eigenvalue
""",
    "qn-ex-sr1": """
def sr1_update(H, s, y, r=1e-8):
    u = s - H @ y
    denominator = jnp.vdot(u, y)
    skip = jnp.abs(denominator) < 1e-30  # absolute: never skips tiny ones
    return jnp.where(skip, H, H + jnp.outer(u, u) / denominator)
""",
    "qn-ex-damped": """
def damped_bfgs_update(B, s, y):
    Bs = B @ s
    sBs, sy = jnp.vdot(s, Bs), jnp.vdot(s, y)
    theta = jnp.where(sy >= 0, 1.0, 0.8 * sBs / (sBs - sy))  # threshold 0
    r = theta * y + (1 - theta) * Bs
    return B - jnp.outer(Bs, Bs) / sBs + jnp.outer(r, r) / jnp.vdot(s, r)
""",
    "qn-ex-gn": """
def gauss_newton(residual, theta0, steps):
    path = [theta0]
    for _ in range(steps):  # damped: Levenberg-Marquardt, not Gauss-Newton
        p, *_ = gauss_newton_step(residual, path[-1], damping=1e-2)
        path.append(path[-1] + p)
    return jnp.stack(path)
""",
}
