# ---
# jupyter:
#   description: 연습문제 I, II를 계산으로 확인하는 노트북입니다. 가중치와 편향에 c를 곱해도 퍼셉트론은 그대로이고, c가 커질수록 σ(c·z)가 계단 함수에 다가가며, z = 0에서는 ½이 남아 다음 층으로 퍼지는 것을 봅니다.
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 연습문제 풀이
#
# [시그모이드 뉴런](../sigmoid-neurons.md#exercises) 절 끝의 두 연습문제, 「시그모이드 뉴런으로
# 퍼셉트론 흉내 내기」 I과 II를 계산으로 확인합니다. 문제는 원문에 있고, 풀이와 이 노트북은 옮긴이가
# 덧붙였습니다. 풀이의 논증은 본문에 있습니다. 여기서는 그 논증이 말하는 내용을 작은 네트워크에서
# 숫자로 확인합니다.

# %%
import itertools

import matplotlib.pyplot as plt
import numpy as np

from snippets import perceptron, sigmoid, sigmoid_neuron, step

# %% tags=["setup"]
# Set-up, hidden on the site: SVG figures with the same bytes on every run, on a transparent
# background (the site shows them inverted in dark mode).
# %config InlineBackend.figure_formats = ["svg"]
plt.rcParams.update(
    {
        "svg.fonttype": "none",
        "svg.hashsalt": "exercises",
        "figure.figsize": (6.4, 3.2),
        "figure.facecolor": "none",
        "axes.facecolor": "none",
    }
)

# %% [markdown]
# ## 실험에 쓸 작은 네트워크 { #network }
#
# 입력(input) 3개, 은닉 뉴런(hidden neuron) 3개, 출력(output) 뉴런 1개로 이루어진 네트워크를 만듭니다.
# 층(layer)마다 가중치(weight) 행렬과 편향(bias) 벡터를 둡니다. 각 뉴런은 퍼셉트론(perceptron)이거나
# 시그모이드 뉴런(sigmoid neuron)입니다. `scale`은 모든 가중치와 편향에 곱하는 양수 $c$입니다.

# %%
rng = np.random.default_rng(322)
layers = [
    (rng.normal(size=(3, 3)), rng.normal(size=3)),  # hidden layer: weights (3 x 3), biases (3)
    (rng.normal(size=(1, 3)), rng.normal(size=1)),  # output layer: weights (1 x 3), biases (1)
]


def run_network(layers, x, neuron, scale=1.0):
    """Return the activations of every layer for input x, with weights and biases scaled by `scale`."""
    activations = [np.asarray(x, dtype=float)]
    for weights, biases in layers:
        a = activations[-1]
        activations.append(np.array([neuron(scale * w, a, scale * b) for w, b in zip(weights, biases)]))
    return activations


inputs = [np.array(bits, dtype=float) for bits in itertools.product([0, 1], repeat=3)]
print("hidden and output of the perceptron network for each input:")
for x in inputs:
    hidden, out = run_network(layers, x, perceptron)[1:]
    print(x.astype(int), hidden.astype(int), out.astype(int))

# %% [markdown]
# ## 연습문제 I: 가중치와 편향에 양수 c를 곱하기 { #exercise-1 }
#
# 퍼셉트론 네트워크의 모든 가중치와 편향에 같은 양수 $c > 0$을 곱해도 네트워크의 동작은 바뀌지 않습니다.
# 퍼셉트론의 출력은 가중 입력(weighted input) $w \cdot x + b$의 부호로만 정해집니다. 그런데 $c > 0$이면
# $(c w) \cdot x + c b = c\,(w \cdot x + b)$의 부호가 $w \cdot x + b$의 부호와 같습니다. 첫 층의 출력이
# 그대로이면 다음 층의 입력도 그대로이므로, 같은 논리가 층마다 이어집니다. 여러 $c$에 대해 모든 입력에서 확인합니다.

# %%
reference = [run_network(layers, x, perceptron)[-1] for x in inputs]
for c in (0.001, 0.5, 3.0, 1e6):
    same = all(np.array_equal(run_network(layers, x, perceptron, c)[-1], r) for x, r in zip(inputs, reference))
    print(f"c = {c:>9g}: same outputs for all 8 inputs: {same}")

# %% [markdown]
# ## 연습문제 II: c가 커지면 시그모이드 뉴런이 퍼셉트론이 됩니다 { #exercise-2 }
#
# 시그모이드 뉴런의 가중치와 편향에 $c$를 곱하면 출력은 $\sigma(c z)$가 됩니다($z = w \cdot x + b$).
# $z > 0$이면 $c z \to \infty$이므로 $\sigma(c z) \to 1$이고, $z < 0$이면 $\sigma(c z) \to 0$입니다.
# 곧 $z \ne 0$이기만 하면 $\sigma(c z)$는 계단 함수(step function)의 값으로 다가갑니다.

# %% alt="z가 −2에서 2까지 변할 때 c = 1, 2, 5, 10, 100인 σ(cz) 곡선들. c가 커질수록 곡선이 z = 0 부근에서 가파르게 올라가 ‘step’이라는 범례가 붙은 점선 계단 함수에 가까워지며, 모든 곡선이 z = 0에서 0.5를 지납니다."
# The plot's labels stay in English: a fresh Colab or Jupyter has no Korean font, and Korean
# labels would show there as empty boxes.
zs = np.linspace(-2, 2, 801)
fig, ax = plt.subplots()
for c in (1, 2, 5, 10, 100):
    ax.plot(zs, sigmoid(c * zs), label=f"c = {c}")
ax.plot(zs, step(zs), color="gray", linestyle=":", label="step")
ax.set_xlabel("z")
ax.set_ylabel(r"$\sigma(cz)$")
ax.legend(frameon=False, fontsize="small")
ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# 몇몇 $z$에서 $\sigma(c z)$와 계단 함수의 값을 비교해 봅시다. $z \ne 0$인 열은 $c$가 커질수록 0 또는
# 1로 다가가지만, $z = 0$인 열은 언제나 0.5에 머뭅니다.

# %%
z_values = np.array([-0.5, -0.1, 0.0, 0.1, 0.5])
print("      c " + "".join(f"{z:>11.1f}" for z in z_values))
for c in (1, 10, 100, 1000):
    print(f"{c:7d} " + "".join(f"{v:11.6f}" for v in sigmoid(c * z_values)))
print("   step " + "".join(f"{v:11.6f}" for v in step(z_values)))

# %% [markdown]
# 이제 위의 네트워크 전체를 시그모이드 뉴런으로 바꾸고 $c$를 키웁니다. 문제의 조건대로, 모든 입력에서
# 모든 퍼셉트론의 $w \cdot x + b$가 0이 아닌지 먼저 확인합니다. 그다음 $c$마다 시그모이드 뉴런
# 네트워크와 퍼셉트론 네트워크의 출력 차이 가운데 가장 큰 값을 구합니다.


# %%
def weighted_inputs(layers, x):
    """Return w.x + b of every perceptron in the network for input x."""
    zs, a = [], np.asarray(x, dtype=float)
    for weights, biases in layers:
        z = weights @ a + biases
        zs.extend(z)
        a = step(z)
    return np.array(zs)


smallest = min(np.min(np.abs(weighted_inputs(layers, x))) for x in inputs)
print(f"smallest |w.x + b| over all perceptrons and inputs: {smallest:.4f}")
for c in (1, 10, 100, 1000):
    gap = max(np.max(np.abs(run_network(layers, x, sigmoid_neuron, c)[-1] - r)) for x, r in zip(inputs, reference))
    print(f"c = {c:5d}: max |sigmoid network - perceptron network| = {gap:.3e}")

# %% [markdown]
# 차이는 $c$가 커질수록 0으로 줄어듭니다. 가장 작은 $|w \cdot x + b|$가 클수록 더 작은 $c$로도 충분합니다.
#
# ## w·x + b = 0이면 실패합니다 { #failure }
#
# 어떤 퍼셉트론에서 $z = w \cdot x + b = 0$이면 $c$를 아무리 키워도 $c z = 0$이므로
# $\sigma(c z) = \sigma(0) = 1/2$입니다. 퍼셉트론은 이때 0을 출력하므로 두 네트워크의 출력이
# 다릅니다. 게다가 이 $1/2$이 다음 뉴런의 입력으로 들어갑니다. 은닉 뉴런 A의 $z$가 정확히 0인 작은
# 네트워크로 확인해 봅시다.

# %%
x_zero = np.array([1.0, 1.0])
hidden = (np.array([[1.0, -1.0], [1.0, 1.0]]), np.array([0.0, -1.5]))  # neuron A: z = 0, neuron B: z = 0.5
for name, output in {
    "downstream bias -1.25": (np.array([[1.0, 1.0]]), np.array([-1.25])),
    "downstream bias -0.25": (np.array([[1.0, 1.0]]), np.array([-0.25])),
}.items():
    net = [hidden, output]
    print(name)
    print(
        f"  perceptron network: hidden = {run_network(net, x_zero, perceptron)[1]}, "
        f"output = {run_network(net, x_zero, perceptron)[2][0]}"
    )
    for c in (1, 10, 100, 1000):
        h, out = run_network(net, x_zero, sigmoid_neuron, c)[1:]
        print(f"  c = {c:4d}: hidden = [{h[0]:.4f} {h[1]:.4f}], output = {out[0]:.4f}")

# %% [markdown]
# 두 경우 모두 은닉 뉴런 A는 $c$와 관계없이 0.5를 내놓고, 퍼셉트론처럼 0이 되지 않습니다.
#
# - 출력 뉴런의 편향이 $-1.25$일 때: 퍼셉트론 네트워크에서는 출력 뉴런의 가중 입력이
#   $0 + 1 - 1.25 < 0$이라 출력이 0입니다. 시그모이드 뉴런 네트워크에서는 $0.5 + 1 - 1.25 = 0.25 > 0$이라
#   $c$가 커질수록 출력이 1로 갑니다. A의 $1/2$이 다음 뉴런으로 퍼져 네트워크의 답을 뒤집었습니다.
# - 편향이 $-0.25$일 때: 두 네트워크 모두 출력 뉴런의 가중 입력이 양수여서 출력은 똑같이 1입니다. 이
#   경우에는 A의 $1/2$이 결과를 바꾸지 못합니다.
#
# 그러므로 $w \cdot x + b = 0$인 퍼셉트론이 하나라도 있으면, 시그모이드 뉴런 네트워크가 퍼셉트론
# 네트워크와 같게 동작한다고 장담할 수 없습니다. 실제로 달라지는지는 그 뒤의 가중치와 편향에 달려 있습니다.
# 식 (3)–(5)를 다룬 실습은 [시그모이드 뉴런 실습](sigmoid-neuron-lab.py)에 있습니다.
