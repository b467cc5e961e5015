# ---
# jupyter:
#   description: 식 (3)–(5)를 numpy 코드로 직접 계산해 보는 노트북입니다. σ와 계단 함수를 그려 비교하고, 식 (5)의 선형 근사 오차가 Δ²에 비례해 줄어드는 것을 숫자로 확인합니다.
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
# # 시그모이드 뉴런 실습
#
# 이 노트북에서는 [시그모이드 뉴런](../sigmoid-neurons.md) 절에 나오는 식 (3), (4), (5)를 코드로 직접
# 계산합니다. 시그모이드 뉴런(sigmoid neuron)의 출력(output)과 그 변화를 숫자와 그래프로 보고,
# 퍼셉트론(perceptron)과 비교합니다. 함수는 이 사이트의 [코드 조각](../code.md)에 있는 것을 그대로
# 가져다 씁니다.
# 내려받은 노트북에는 그 함수들의 소스 코드가 들어 있으므로, numpy와 matplotlib만 설치되어 있으면
# 어디서든 처음부터 끝까지 실행할 수 있습니다.

# %%
import matplotlib.pyplot as plt
import numpy as np

from snippets import linear_output_change, output_gradient, perceptron, sigmoid, sigmoid_neuron, step

# %% tags=["setup"]
# Set-up, hidden on the site: SVG figures with the same bytes on every run, on a transparent
# background (the site shows them inverted in dark mode).
# %config InlineBackend.figure_formats = ["svg"]
plt.rcParams.update(
    {
        "svg.fonttype": "none",
        "svg.hashsalt": "sigmoid-neuron-lab",
        "figure.figsize": (6.4, 3.2),
        "figure.facecolor": "none",
        "axes.facecolor": "none",
    }
)
np.set_printoptions(precision=6, suppress=True)

# %% [markdown]
# ## 식 (3): 시그모이드 함수 { #sigmoid-function }
#
# 시그모이드 함수(sigmoid function)의 정의는 다음과 같습니다.
#
# $$\sigma(z) \equiv \frac{1}{1+e^{-z}} \tag{3}$$
#
# 여기서 $z = w \cdot x + b$는 뉴런의 가중 입력(weighted input)입니다.
# $z$가 큰 양수이면 $e^{-z} \approx 0$이라 $\sigma(z) \approx 1$입니다. $z$가 절댓값이 큰 음수이면
# $e^{-z}$의 값이 매우 커져 $\sigma(z) \approx 0$입니다. 몇몇 $z$에서 값을 확인해 봅시다.

# %%
z = np.array([-10.0, -4.0, -1.0, 0.0, 1.0, 4.0, 10.0])
for zi, si in zip(z, sigmoid(z)):
    print(f"z = {zi:6.1f}   sigma(z) = {si:.6f}")

# %% [markdown]
# $\sigma(0) = 0.5$이고, $z$가 $\pm 10$만 되어도 출력은 0이나 1과 거의 구별되지 않습니다.
# 이것이 퍼셉트론과 닮은 부분입니다. $\sigma(-z) = 1 - \sigma(z)$라는 대칭도 수치로 확인할 수 있습니다.

# %%
print("max |sigma(-z) - (1 - sigma(z))| =", np.max(np.abs(sigmoid(-z) - (1 - sigmoid(z)))))

# %% [markdown]
# ## 시그모이드 함수와 계단 함수의 모양 { #shapes }
#
# 중요한 것은 식 자체보다 모양입니다. 시그모이드 함수는 계단 함수(step function)를 매끄럽게 만든
# 모양입니다. 흔히 쓰는 계단 함수는 $z = 0$에서 1입니다. 하지만 원문의 각주가 말하듯 퍼셉트론은
# $w \cdot x + b = 0$일 때 0을 출력하므로, 퍼셉트론과 맞추려면 계단 함수도 0에서 0이어야 합니다.
# 이 사이트의 `step`은 각주를 따라 $z = 0$에서 0을 돌려줍니다.

# %% alt="나란히 놓인 두 그래프. 왼쪽은 z가 −5에서 5까지 변할 때 0 근처에서 출발해 z = 0에서 0.5를 지나 1에 가까워지는 매끄러운 S자 곡선 σ(z)이고, 오른쪽은 제목이 ‘step(z)’인 계단 함수 그래프로 z ≤ 0에서 0, z > 0에서 1이며 z = 0에서 0에 채워진 점, 1에 빈 점이 찍혀 있습니다."
# The plots' labels stay in English: a fresh Colab or Jupyter has no Korean font, and Korean
# labels would show there as empty boxes.
zs = np.linspace(-5, 5, 401)
fig, (left, right) = plt.subplots(1, 2, sharey=True)
left.plot(zs, sigmoid(zs), color="C0")
left.set_title(r"$\sigma(z)$")
neg, pos = zs[zs <= 0], zs[zs > 0]
right.plot(neg, step(neg), color="C1")
right.plot(pos, step(pos), color="C1")
right.plot([0], [step(0.0)], "o", color="C1")
right.plot([0], [1.0], "o", markerfacecolor="none", color="C1")
right.set_title("step(z)")
for ax in (left, right):
    ax.set_xlabel("z")
    ax.axhline(0.5, color="gray", linewidth=0.5, linestyle=":")
    ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## 식 (4): 시그모이드 뉴런의 출력 { #neuron-output }
#
# 입력(input)이 $x_j$, 가중치(weight)가 $w_j$, 편향(bias)이 $b$인 시그모이드 뉴런의 출력은 다음과 같습니다.
#
# $$\frac{1}{1+\exp\left(-\sum_j w_j x_j - b\right)} \tag{4}$$
#
# 입력은 0과 1 사이의 어떤 값이든 될 수 있습니다. 원문의 예처럼 0.638을 넣어도 됩니다.
# `sigmoid_neuron`의 결과와 식 (4)를 그대로 옮긴 계산을 비교하고, 같은 가중치와 편향을 쓰는
# 퍼셉트론의 출력도 함께 봅니다.

# %%
w = np.array([0.7, -0.4, 1.2])
x = np.array([0.638, 0.2, 0.9])
b = -1.5

by_formula = 1 / (1 + np.exp(-np.sum(w * x) - b))
print(f"w.x + b          = {np.dot(w, x) + b:.6f}")
print(f"sigmoid_neuron   = {sigmoid_neuron(w, x, b):.6f}")
print(f"equation (4)     = {by_formula:.6f}")
print(f"perceptron       = {perceptron(w, x, b)}")

# %% [markdown]
# 퍼셉트론은 0 또는 1만 내놓지만, 시그모이드 뉴런은 그 사이의 실수를 내놓습니다.
#
# ## 작은 변화, 작은 출력 변화 { #small-changes }
#
# $w \cdot x + b$가 0에 가까운 퍼셉트론은 편향을 아주 조금만 바꿔도 출력이 0에서 1로 뒤집힙니다.
# 편향을 똑같이 바꾸어도 시그모이드 뉴런의 출력은 조금만 바뀝니다.

# %%
b_edge = -np.dot(w, x) - 0.001  # w.x + b = -0.001, just below the threshold
for db in (0.0, 0.002):
    print(
        f"b = {b_edge + db:+.4f}:  perceptron = {perceptron(w, x, b_edge + db)},"
        f"  sigmoid neuron = {sigmoid_neuron(w, x, b_edge + db):.6f}"
    )

# %% [markdown]
# ## 식 (5): 출력 변화의 선형 근사 { #linear-approximation }
#
# 가중치와 편향을 조금($\Delta w_j$, $\Delta b$) 바꿀 때 출력의 변화 $\Delta \mathrm{output}$은
# 다음과 같이 근사할 수 있습니다.
#
# $$\Delta \mathrm{output} \approx \sum_j \frac{\partial\, \mathrm{output}}{\partial w_j} \Delta w_j + \frac{\partial\, \mathrm{output}}{\partial b} \Delta b \tag{5}$$
#
# 시그모이드 뉴런에서는 $z = w \cdot x + b$라 할 때
# $\partial\, \mathrm{output} / \partial w_j = \sigma'(z)\, x_j$이고
# $\partial\, \mathrm{output} / \partial b = \sigma'(z)$입니다. `output_gradient`가 이 편미분(partial derivative) 값들을
# 돌려주고, `linear_output_change`가 식 (5)의 오른쪽을 계산합니다.

# %%
dw_j, db_ = output_gradient(w, x, b)
print("d output / d w_j =", dw_j)
print("d output / d b   =", round(db_, 6))

# %% [markdown]
# 이제 변화의 방향 $(\Delta w, \Delta b)$를 하나 정하고 크기 $h$를 줄여 가며, 실제 출력 변화와
# 식 (5)의 선형 추정을 비교합니다. 식 (5)는 1차 근사이므로 오차는 $h^2$에 비례해 줄어야 합니다.
# 그래서 오차를 $h^2$으로 나눈 값은 $h$가 작아질수록 일정한 값에 가까워집니다.

# %%
direction_w = np.array([0.5, -1.0, 0.25])
direction_b = 0.75
exact_output = sigmoid_neuron(w, x, b)

print(f"{'h':>8} {'exact change':>14} {'linear (5)':>14} {'error':>12} {'error/h^2':>10}")
hs = 10.0 ** -np.arange(1, 6)
errors = []
for h in hs:
    exact = sigmoid_neuron(w + h * direction_w, x, b + h * direction_b) - exact_output
    linear = linear_output_change(w, x, b, h * direction_w, h * direction_b)
    errors.append(abs(exact - linear))
    print(f"{h:8.0e} {exact:14.9f} {linear:14.9f} {errors[-1]:12.3e} {errors[-1] / h**2:10.5f}")

# %% [markdown]
# 첫 단계에서는 예상과 다릅니다. $h$가 0.1에서 0.01로 줄 때 오차는 약 34분의 1로만 줄어듭니다.
# $h = 0.1$에서는 $h^3$에 비례하는 다음 항이 아직 커서 $h^2$ 항의 일부를 상쇄하기 때문입니다.
# 오차가 $h^2$에 비례하는 구간은 $h = 10^{-2}$부터 시작합니다. 그다음부터는 $h$가 10분의 1로 줄 때마다
# 오차가 약 100분의 1로 줄고, 오차를 $h^2$으로 나눈 값도 거의 일정합니다. 아래 로그 눈금 그래프의
# 점선은 가장 작은 $h$의 오차에 맞춘 $h^2$ 직선입니다. $h = 10^{-2}$부터의 점은 이 직선 위에 놓이고,
# $h = 0.1$의 점만 직선 아래에 있습니다.

# %% alt="로그 눈금 그래프. 가로축 h가 10⁻⁵에서 10⁻¹까지 커질 때 실제 출력 변화와 식 (5)의 선형 추정 사이의 오차(범례 ‘|exact - linear|’)가 점과 선으로 그려져 있습니다. 가장 작은 h의 오차에 맞춘 h²에 비례하는 점선(범례 ‘∝ h²’) 위에 h = 10⁻⁵부터 10⁻²까지의 점이 놓이고, h = 10⁻¹의 점만 점선보다 아래에 있습니다."
fig, ax = plt.subplots()
ax.loglog(hs, errors, "o-", color="C0", label="|exact - linear|")
# The h² line through the smallest h, where the error is closest to its h² term.
ax.loglog(hs, errors[-1] * (hs / hs[-1]) ** 2, ":", color="gray", label=r"$\propto h^2$")
ax.set_xlabel("h")
ax.set_ylabel("error")
ax.legend(frameon=False)
ax.grid(alpha=0.3)
fig.tight_layout()
plt.show()

# %% [markdown]
# 식 (5)가 말하는 것은, 출력의 변화 $\Delta \mathrm{output}$이 $\Delta w_j$와 $\Delta b$의
# **선형 함수**(linear function)라는 점입니다. 그래서 출력을 원하는 만큼 조금 움직이려면 가중치와
# 편향을 어느 쪽으로 얼마나 바꿔야 할지 쉽게 정할 수 있습니다. 다음 노트북
# [연습문제 풀이](exercises.py)에서는 시그모이드 뉴런이 퍼셉트론을 흉내 내는 과정을 계산합니다.
