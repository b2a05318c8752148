# mufg-personal.profile — 三菱UFJ銀行 personal account CSV (入出金明細):
# 日付,摘要,摘要内容,支払い金額,預かり金額,差引残高,メモ,未資金化区分,入払区分
# Keys are described in data/bank-profiles/README.
name = mufg-personal
description = 三菱UFJ銀行 個人口座 入出金明細 CSV
encoding = auto
currency = JPY
header = 日付, 預かり金額, 支払い金額
skip = 合計, 小計
date = 日付
credit = 預かり金額
debit = 支払い金額
balance = 差引残高
# 摘要 is the kind of transaction (振込１ …), 摘要内容 the remitter's name.
payer = 摘要内容
memo = 摘要, メモ
