"""Plausible wrong answers: the student-edition test proves each check rejects them."""

WRONG = {
    "scaling-ex-memory": """
def bytes_per_device(a):
    return [shard.data.nbytes for shard in a.addressable_shards]


def full_copies(a):
    return len(a.addressable_shards)  # counts devices, not whole copies
""",
    "scaling-ex-pmean": """
X_even = jax.device_put(X[:496], rows)
Y_even = jax.device_put(Y[:496], rows)


@jax.jit
@partial(
    jax.shard_map,
    mesh=mesh,
    in_specs=(P(), P("data"), P("data")),
    out_specs=P(),
)
def mean_grad_by_hand(theta, X_local, Y_local):
    # jax.grad inside shard_map already sums over the devices
    local_mse = lambda t: jnp.mean((X_local @ t - Y_local) ** 2)
    return jax.lax.pmean(jax.grad(local_mse)(theta), "data")


g_pmean = mean_grad_by_hand(theta0_replicated, X_even, Y_even)
""",
    "scaling-ex-2d": """
mesh_2d = jax.make_mesh(
    (4, 2), ("data", "model"), axis_types=(AxisType.Auto,) * 2,
    devices=devices,
)
key, key_wide = jax.random.split(key)
X_2d, Y_2d, _ = data.linear_regression(512, 64, 0.1, key=key_wide)
by_model = NamedSharding(mesh_2d, P("model"))
theta_2d = jax.device_put(jnp.zeros(64), by_model)
X_2d_sharded = jax.device_put(X_2d, NamedSharding(mesh_2d, P("data", "model")))
Y_2d_sharded = jax.device_put(Y_2d, NamedSharding(mesh_2d, P("data")))
grad_2d = jax.jit(jax.grad(loss))  # no out_shardings
g_2d = grad_2d(theta_2d, X_2d_sharded, Y_2d_sharded, 512)
""",
}

WRONG["scaling-ex-fsdp-spec"] = """
def fsdp_spec(shape, devices=8):
    # the first axis that divides, not the longest
    for i, n in enumerate(shape):
        if n % devices == 0:
            return P(*["data" if j == i else None for j in range(len(shape))])
    return P()


by_rule = jax.tree.map(
    lambda a: NamedSharding(mesh, fsdp_spec(a.shape)), state_eight
)
state_by_rule = jax.device_put(state_eight, by_rule)
"""
