"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    "nnx-ex-count": """
def count_params(model):
    params = nnx.state(model, nnx.Param)
    return len(jax.tree.leaves(params))   # counts arrays, not numbers


n_params = count_params(models["128 x 3 layers"])
""",
    # Assigns the least-squares parameters instead of training for them.
    "nnx-ex-bias": """
Y_shift = Y + 2.0
biased = nnx.Linear(M, 1, rngs=nnx.Rngs(1))
biased_opt = nnx.Optimizer(biased, optax.sgd(1e-2), wrt=nnx.Param)
coef = jnp.linalg.lstsq(jnp.hstack([X, jnp.ones((N, 1))]), Y_shift)[0]
biased.kernel[...] = coef[:M].reshape(M, 1)
biased.bias[...] = coef[M:].reshape(1)
""",
    "nnx-ex-early": """
val_big = curves["128 x 3 layers"][1]
best_step = int(jnp.argmin(val_big))
early = models["128 x 3 layers"]   # the final parameters, not the best ones
""",
    # The in-place version, state_c["kernel"][...] *= 2, is the commoner mistake, but
    # run here it would change `custom` in the kernel the rest of the test run uses.
    "nnx-ex-split": """
graphdef_c, state_c = nnx.split(custom)
state_2 = jax.tree.map(lambda p: 2 * p, state_c)
doubled = nnx.merge(graphdef_c, state_c)   # merges the old state: a view of custom
""",
}
