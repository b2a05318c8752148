# anser.profile — 入出金明細照会 CSV of ANSER-based internet banking (many
# Japanese regional banks): every cell quoted, one row per transaction.
# Keys are described in data/bank-profiles/README.
name = anser
description = ANSER 入出金明細 CSV (照会口座, 番号, 勘定日, 起算日, 出金金額, 入金金額 …)
encoding = auto
currency = JPY
header = 照会口座, 勘定日, 入金金額
skip = 合計, 小計, 前日残高, 繰越
account = 照会口座
date = 勘定日
value_date = 起算日
credit = 入金金額
debit = 出金金額
balance = 残高
# 摘要 carries the remitter's name for transfers (振込依頼人名).
payer = 摘要
payer_bank = 金融機関名
payer_branch = 支店名
memo = 取引区分, 明細区分
# 番号 only numbers the rows of one inquiry (it restarts in every export),
# so it is not a reference: the parser builds one from date, amount, line.
