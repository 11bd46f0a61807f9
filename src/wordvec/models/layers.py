"""Custom Keras layers, registered so bundles load with ``safe_mode=True``.

Written with ``keras.ops`` only, so they run on every Keras backend.
"""

from __future__ import annotations

from typing import Any

from wordvec._backend import import_keras

keras = import_keras()
ops = keras.ops


@keras.saving.register_keras_serializable(package="wordvec")
class MaskedAverage(keras.layers.Layer):
    """Average of the unmasked time steps; an all-padding text averages to zeros, not NaN.

    Keras' ``GlobalAveragePooling1D`` divides by the number of unmasked steps and returns NaN
    for a text whose tokens are all out of vocabulary, which poisons the whole batch.

    Example:
        >>> x = keras.ops.ones((2, 3, 4)); mask = keras.ops.array([[1, 1, 0], [0, 0, 0]], "bool")
        >>> keras.ops.convert_to_numpy(MaskedAverage()(x, mask=mask))[:, 0].tolist()
        [1.0, 0.0]
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.supports_masking = True

    def call(self, inputs: Any, mask: Any = None) -> Any:
        if mask is None:
            return ops.mean(inputs, axis=1)
        weights = ops.expand_dims(ops.cast(mask, inputs.dtype), -1)
        total = ops.sum(inputs * weights, axis=1)
        count = ops.maximum(ops.sum(weights, axis=1), 1.0)
        return total / count

    def compute_mask(self, inputs: Any, mask: Any = None) -> None:
        return None

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        return (input_shape[0], input_shape[2])


_POOL_MODES = ("sum", "mean", "max")


@keras.saving.register_keras_serializable(package="wordvec")
class SegmentPooling(keras.layers.Layer):
    """Pool the feature vectors of texts packed one after another into a flat batch.

    Called as ``layer(values, segments, ids)``: ``values`` is ``(N, dim)``, ``segments`` says
    for each of the N positions which of the ``num_segments`` texts it belongs to, and positions
    whose ``ids`` is 0 are padding and ignored. ``mode`` is ``sum``, ``mean`` or ``max``; a text
    with no features pools to zeros. The output is ``(num_segments, dim)``.

    Example:
        >>> values = keras.ops.array([[1.0], [3.0], [5.0], [7.0]])
        >>> pool = SegmentPooling("mean", num_segments=2)
        >>> out = pool(values, keras.ops.array([0, 0, 1, 1]), keras.ops.array([4, 2, 9, 0]))
        >>> keras.ops.convert_to_numpy(out).ravel().tolist()
        [2.0, 5.0]
    """

    def __init__(self, mode: str = "sum", num_segments: int = 1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if mode not in _POOL_MODES:
            raise ValueError(f"unknown pooling mode {mode!r}; choose one of "
                             f"{', '.join(_POOL_MODES)}")
        if num_segments < 1:
            raise ValueError(f"num_segments must be at least 1, got {num_segments}")
        self.mode = mode
        self.num_segments = num_segments

    def call(self, values: Any, segments: Any, ids: Any) -> Any:
        present = ops.expand_dims(ops.not_equal(ids, 0), -1)
        if self.mode == "max":
            lowest = ops.cast(-3.0e38, values.dtype)
            pooled = ops.segment_max(ops.where(present, values, lowest), segments,
                                     num_segments=self.num_segments)
            return ops.where(pooled > lowest, pooled, ops.zeros_like(pooled))
        weights = ops.cast(present, values.dtype)
        total = ops.segment_sum(values * weights, segments, num_segments=self.num_segments)
        if self.mode == "sum":
            return total
        count = ops.segment_sum(weights, segments, num_segments=self.num_segments)
        return total / ops.maximum(count, 1.0)

    def compute_output_shape(self, values_shape: tuple, segments_shape: tuple,
                             ids_shape: tuple) -> tuple:
        return (self.num_segments, values_shape[-1])

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "mode": self.mode, "num_segments": self.num_segments}


@keras.saving.register_keras_serializable(package="wordvec")
class Bias(keras.layers.Layer):
    """Add a learned bias (one per feature of the last axis, starting at 0).

    Example:
        >>> keras.ops.convert_to_numpy(Bias()(keras.ops.ones((1, 2)))).tolist()
        [[1.0, 1.0]]
    """

    def build(self, input_shape: tuple) -> None:
        self.bias = self.add_weight(shape=(input_shape[-1],), initializer="zeros", name="bias")

    def call(self, inputs: Any) -> Any:
        return inputs + self.bias


@keras.saving.register_keras_serializable(package="wordvec")
class CapIds(keras.layers.Layer):
    """Replace ids at or above ``limit`` by 0 (padding), e.g. to keep the most frequent features.

    Example:
        >>> keras.ops.convert_to_numpy(CapIds(3)(keras.ops.array([1, 2, 3, 7]))).tolist()
        [1, 2, 0, 0]
    """

    def __init__(self, limit: int = 1, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.limit = limit

    def call(self, ids: Any) -> Any:
        return ops.where(ids < self.limit, ids, ops.zeros_like(ids))

    def get_config(self) -> dict[str, Any]:
        return {**super().get_config(), "limit": self.limit}
