# spdb.profile — 上海浦东发展银行 (SPDB) account detail export:
# 对方户名, 对方账号, 贷方金额, 交易日期, 摘要; our account is given in a
# title row above the table.
# Keys are described in data/bank-profiles/README.
name = spdb
description = 浦发银行 账户明细 CSV (贷方金额/借方金额)
encoding = auto
currency = CNY
header = 交易日期, 贷方金额
skip = 本页小计, 承上页, 转下页, 合计, 小计, 总计, 期初余额, 期末余额, 交易笔数
account_label = 账号, 帐号
date = 交易日期
credit = 贷方金额
debit = 借方金额
balance = 余额, 账户余额
payer = 对方户名
payer_account = 对方账号
memo = 摘要
reference = 交易流水号, 流水号
