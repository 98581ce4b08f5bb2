<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
  <context>
    <name>Actions</name>
    <message>
      <source>&amp;About Case File Explorer</source>
      <translation>&amp;О программе Case File Explorer</translation>
    </message>
    <message>
      <source>&amp;Back</source>
      <translation>&amp;Назад</translation>
    </message>
    <message>
      <source>&amp;Dark Theme</source>
      <translation>&amp;Тёмная тема</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>&amp;Экспорт…</translation>
    </message>
    <message>
      <source>&amp;Forward</source>
      <translation>&amp;Вперёд</translation>
    </message>
    <message>
      <source>&amp;Import…</source>
      <translation>&amp;Импорт…</translation>
    </message>
    <message>
      <source>&amp;Keyboard Shortcuts…</source>
      <translation>&amp;Сочетания клавиш…</translation>
    </message>
    <message>
      <source>&amp;Light Theme</source>
      <translation>Св&amp;етлая тема</translation>
    </message>
    <message>
      <source>&amp;Merge Case File…</source>
      <translation>&amp;Слить с файлом дела…</translation>
    </message>
    <message>
      <source>&amp;New Case File…</source>
      <translation>&amp;Новый файл дела…</translation>
    </message>
    <message>
      <source>&amp;Open Case File…</source>
      <translation>&amp;Открыть файл дела…</translation>
    </message>
    <message>
      <source>&amp;Preferences…</source>
      <translation>&amp;Параметры…</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Печать…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>В&amp;ыход</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Повторить</translation>
    </message>
    <message>
      <source>&amp;Reset Layout</source>
      <translation>Сбросить &amp;расположение</translation>
    </message>
    <message>
      <source>&amp;Search Everything…</source>
      <translation>&amp;Искать везде…</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Отменить</translation>
    </message>
    <message>
      <source>&amp;Verify Case…</source>
      <translation>П&amp;роверить дело…</translation>
    </message>
    <message>
      <source>Add &amp;Documents…</source>
      <translation>Добавить &amp;документы…</translation>
    </message>
    <message>
      <source>Bring a colleague's case file into this one</source>
      <translation>Перенести в это дело файл дела коллеги</translation>
    </message>
    <message>
      <source>Case &amp;Details…</source>
      <translation>Св&amp;едения о деле…</translation>
    </message>
    <message>
      <source>Decide the 'unsure' matches left by merges: same, or not the same</source>
      <translation>Решить судьбу «сомнительных» совпадений после слияний: тот же объект или другой</translation>
    </message>
    <message>
      <source>Export Summary as P&amp;DF…</source>
      <translation>Экспорт сводки в P&amp;DF…</translation>
    </message>
    <message>
      <source>Find Connecting &amp;Paths</source>
      <translation>Найти связующие &amp;пути</translation>
    </message>
    <message>
      <source>Follow &amp;System Theme</source>
      <translation>&amp;Системная тема</translation>
    </message>
    <message>
      <source>Import FtM, BODS, CSV or GraphML</source>
      <translation>Импорт из FtM, BODS, CSV или GraphML</translation>
    </message>
    <message>
      <source>New &amp;Entity…</source>
      <translation>&amp;Новый объект…</translation>
    </message>
    <message>
      <source>OCR &amp;Languages…</source>
      <translation>&amp;Языки распознавания…</translation>
    </message>
    <message>
      <source>Open &amp;Team Case…</source>
      <translation>Открыть &amp;командное дело…</translation>
    </message>
    <message>
      <source>Print Pre&amp;view…</source>
      <translation>Предпрос&amp;мотр печати…</translation>
    </message>
    <message>
      <source>Re&amp;fresh</source>
      <translation>О&amp;бновить</translation>
    </message>
    <message>
      <source>Read the case again (a team case: colleagues' edits appear)</source>
      <translation>Перечитать дело (в командном деле появятся правки коллег)</translation>
    </message>
    <message>
      <source>Replay the history against every row, re-hash documents, check signatures</source>
      <translation>Сверить историю с каждой строкой, пересчитать хеши документов, проверить подписи</translation>
    </message>
    <message>
      <source>Review Possible &amp;Duplicates…</source>
      <translation>Проверить возможные &amp;дубликаты…</translation>
    </message>
    <message>
      <source>Search entities, documents and claims</source>
      <translation>Поиск по объектам, документам и утверждениям</translation>
    </message>
    <message>
      <source>Show &amp;Control Chain</source>
      <translation>Показать &amp;цепочку контроля</translation>
    </message>
    <message>
      <source>Who you are, theme, marking, as-of date, language</source>
      <translation>Кто вы, тема, гриф, дата среза, язык</translation>
    </message>
    <message>
      <source>Work on a case shared by a team in PostgreSQL</source>
      <translation>Работать с делом, общим для команды, в PostgreSQL</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>Unexpected error</source>
      <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
      <source>{error}

Details were saved to {log}.</source>
      <translation>{error}

Подробности сохранены в {log}.</translation>
    </message>
  </context>
  <context>
    <name>AsOfControl</name>
    <message>
      <source>Any date</source>
      <translation>Любая дата</translation>
    </message>
    <message>
      <source>As of:</source>
      <translation>На дату:</translation>
    </message>
    <message>
      <source>As-of date</source>
      <translation>Дата среза</translation>
    </message>
    <message>
      <source>As-of date slider</source>
      <translation>Ползунок даты среза</translation>
    </message>
    <message>
      <source>Count every link, whatever its dates</source>
      <translation>Учитывать все связи, независимо от их дат</translation>
    </message>
    <message>
      <source>Drag to see the chain as it stood on that day</source>
      <translation>Перетащите, чтобы увидеть цепочку на выбранный день</translation>
    </message>
    <message>
      <source>any date</source>
      <translation>любая дата</translation>
    </message>
  </context>
  <context>
    <name>AttachmentsModel</name>
    <message>
      <source> (new)</source>
      <translation> (новое)</translation>
    </message>
    <message>
      <source>Attached to</source>
      <translation>Привязано к</translation>
    </message>
    <message>
      <source>Stance</source>
      <translation>Позиция</translation>
    </message>
  </context>
  <context>
    <name>CaseContext</name>
    <message>
      <source>Read-only ({reason}): not changed</source>
      <translation>Только чтение ({reason}): не изменено</translation>
    </message>
  </context>
  <context>
    <name>CaseDetailsDialog</name>
    <message>
      <source>Author:</source>
      <translation>Автор:</translation>
    </message>
    <message>
      <source>Case details</source>
      <translation>Сведения о деле</translation>
    </message>
    <message>
      <source>Case name:</source>
      <translation>Название дела:</translation>
    </message>
    <message>
      <source>Edit case details</source>
      <translation>Изменение сведений о деле</translation>
    </message>
    <message>
      <source>Handling marking:</source>
      <translation>Гриф обращения:</translation>
    </message>
  </context>
  <context>
    <name>ChainPane</name>
    <message>
      <source>(computing…)</source>
      <translation>(вычисляется…)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
    <message>
      <source>Cancelled: the chain was not computed. Choose “Show control chain” again to retry.</source>
      <translation>Отменено: цепочка не вычислена. Чтобы повторить, снова выберите «Показать цепочку контроля».</translation>
    </message>
    <message>
      <source>Computing the control chain</source>
      <translation>Вычисление цепочки контроля</translation>
    </message>
    <message>
      <source>Control chain</source>
      <translation>Цепочка контроля</translation>
    </message>
    <message>
      <source>Control chain of {name} (current)</source>
      <translation>Цепочка контроля {name} (текущая)</translation>
    </message>
    <message>
      <source>Control chain of {name} as of {date}</source>
      <translation>Цепочка контроля {name} на {date}</translation>
    </message>
    <message>
      <source>Follow selection</source>
      <translation>Следовать за выбором</translation>
    </message>
    <message>
      <source>No case open.</source>
      <translation>Дело не открыто.</translation>
    </message>
    <message>
      <source>No owners recorded for {name} as of {date}.</source>
      <translation>Для {name} на {date} владельцы не записаны.</translation>
    </message>
    <message>
      <source>No owners recorded for {name}.</source>
      <translation>Для {name} владельцы не записаны.</translation>
    </message>
    <message>
      <source>Owners and controllers, step by step</source>
      <translation>Владельцы и контролирующие лица, шаг за шагом</translation>
    </message>
    <message>
      <source>Reading the case's dates</source>
      <translation>Чтение дат дела</translation>
    </message>
    <message>
      <source>Searching paths</source>
      <translation>Поиск путей</translation>
    </message>
    <message>
      <source>Select an entity and choose “Show control chain” (Ctrl+6 comes back here), or turn on “Follow selection”.</source>
      <translation>Выберите объект и команду «Показать цепочку контроля» (Ctrl+6 возвращает сюда) или включите «Следовать за выбором».</translation>
    </message>
    <message>
      <source>Select {name}</source>
      <translation>Выбрать {name}</translation>
    </message>
    <message>
      <source>Show control chain of {name}</source>
      <translation>Показать цепочку контроля {name}</translation>
    </message>
    <message>
      <source>Show the chain of whatever entity is selected</source>
      <translation>Показывать цепочку любого выбранного объекта</translation>
    </message>
    <message>
      <source>Stop computing this chain</source>
      <translation>Прекратить вычисление этой цепочки</translation>
    </message>
    <message>
      <source>The chain now follows the selected entity</source>
      <translation>Цепочка теперь следует за выбранным объектом</translation>
    </message>
    <message>
      <source>{name}: {owners} owner(s), {controllers} controlling</source>
      <translation>{name}: владельцев — {owners}, контролирующих — {controllers}</translation>
    </message>
  </context>
  <context>
    <name>ChainTreeModel</name>
    <message>
      <source>Click to open the quote in its document</source>
      <translation>Щёлкните, чтобы открыть цитату в её документе</translation>
    </message>
    <message>
      <source>Click to select {name}; paths and claims below</source>
      <translation>Щёлкните, чтобы выбрать {name}; пути и утверждения ниже</translation>
    </message>
    <message>
      <source>Contradicts: {claim}</source>
      <translation>Опровергает: {claim}</translation>
    </message>
    <message>
      <source>Controls</source>
      <translation>Контролирует</translation>
    </message>
    <message>
      <source>DISPUTED — colleagues state different stakes</source>
      <translation>ОСПОРЕНО — коллеги указывают разные доли</translation>
    </message>
    <message>
      <source>Document: {title}</source>
      <translation>Документ: {title}</translation>
    </message>
    <message>
      <source>Effective share</source>
      <translation>Эффективная доля</translation>
    </message>
    <message>
      <source>Grade {grade}</source>
      <translation>Оценка {grade}</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>Доля владения</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Владелец</translation>
    </message>
    <message>
      <source>Path {n}: {names}</source>
      <translation>Путь {n}: {names}</translation>
    </message>
    <message>
      <source>Search stopped before the end: {count} path(s) found so far, more may exist</source>
      <translation>Поиск остановлен до конца: найдено путей: {count}, возможно, есть и другие</translation>
    </message>
    <message>
      <source>Searching paths…</source>
      <translation>Поиск путей…</translation>
    </message>
    <message>
      <source>Source: {name}</source>
      <translation>Источник: {name}</translation>
    </message>
    <message>
      <source>UNSOURCED — no claim supports this step</source>
      <translation>БЕЗ ИСТОЧНИКА — этот шаг не подтверждён ни одним утверждением</translation>
    </message>
    <message>
      <source>Ultimate</source>
      <translation>Конечный</translation>
    </message>
    <message>
      <source>by {who}</source>
      <translation>автор: {who}</translation>
    </message>
    <message>
      <source>directly</source>
      <translation>напрямую</translation>
    </message>
    <message>
      <source>disputed</source>
      <translation>оспорено</translation>
    </message>
    <message>
      <source>indirectly</source>
      <translation>косвенно</translation>
    </message>
    <message>
      <source>“{excerpt}” — {grade}</source>
      <translation>«{excerpt}» — {grade}</translation>
    </message>
    <message>
      <source>… and more paths, not counted (they run through circular holdings)</source>
      <translation>… и другие пути, не подсчитанные (они проходят через круговое владение)</translation>
    </message>
    <message>
      <source>… and more than {count} more paths</source>
      <translation>… и ещё более {count} путей</translation>
    </message>
    <message>
      <source>… and {count} more owners (scroll down to list them)</source>
      <translation>… и ещё владельцев: {count} (прокрутите вниз, чтобы увидеть их)</translation>
    </message>
    <message>
      <source>… and {count} more paths</source>
      <translation>… и ещё путей: {count}</translation>
    </message>
  </context>
  <context>
    <name>ClaimEditorDialog</name>
    <message>
      <source>&amp;Attach</source>
      <translation>&amp;Привязать</translation>
    </message>
    <message>
      <source>&amp;Credibility:</source>
      <translation>&amp;Достоверность:</translation>
    </message>
    <message>
      <source>&amp;Detach</source>
      <translation>&amp;Отвязать</translation>
    </message>
    <message>
      <source>&amp;Reliability:</source>
      <translation>&amp;Надёжность:</translation>
    </message>
    <message>
      <source>&amp;Statement:</source>
      <translation>&amp;Формулировка:</translation>
    </message>
    <message>
      <source>(no link between them)</source>
      <translation>(связи между ними нет)</translation>
    </message>
    <message>
      <source>Attach to</source>
      <translation>Привязать к</translation>
    </message>
    <message>
      <source>Attach to what</source>
      <translation>К чему привязать</translation>
    </message>
    <message>
      <source>Between:</source>
      <translation>Между:</translation>
    </message>
    <message>
      <source>Edit Claim</source>
      <translation>Изменить утверждение</translation>
    </message>
    <message>
      <source>Edit claim</source>
      <translation>Изменение утверждения</translation>
    </message>
    <message>
      <source>Entity:</source>
      <translation>Объект:</translation>
    </message>
    <message>
      <source>From the source</source>
      <translation>Как у источника</translation>
    </message>
    <message>
      <source>From the source ({grade})</source>
      <translation>Как у источника ({grade})</translation>
    </message>
    <message>
      <source>Link:</source>
      <translation>Связь:</translation>
    </message>
    <message>
      <source>Pick an entity, a property and a value.</source>
      <translation>Выберите объект, свойство и значение.</translation>
    </message>
    <message>
      <source>Pick two entities and a link between them.</source>
      <translation>Выберите два объекта и связь между ними.</translation>
    </message>
    <message>
      <source>Property:</source>
      <translation>Свойство:</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>С&amp;татус:</translation>
    </message>
    <message>
      <source>Supports or contradicts</source>
      <translation>Подтверждает или опровергает</translation>
    </message>
    <message>
      <source>Supports or contradicts:</source>
      <translation>Подтверждает или опровергает:</translation>
    </message>
    <message>
      <source>Value:</source>
      <translation>Значение:</translation>
    </message>
    <message>
      <source>What the claim supports or contradicts</source>
      <translation>Что утверждение подтверждает или опровергает</translation>
    </message>
    <message>
      <source>a fact about an entity</source>
      <translation>факт об объекте</translation>
    </message>
    <message>
      <source>a link between two entities</source>
      <translation>связь между двумя объектами</translation>
    </message>
    <message>
      <source>and:</source>
      <translation>и:</translation>
    </message>
    <message>
      <source>contradicts</source>
      <translation>опровергает</translation>
    </message>
    <message>
      <source>supports</source>
      <translation>подтверждает</translation>
    </message>
    <message>
      <source>unknown source</source>
      <translation>неизвестный источник</translation>
    </message>
    <message>
      <source>— {source}, in “{document}”</source>
      <translation>— {source}, в «{document}»</translation>
    </message>
  </context>
  <context>
    <name>ClaimTableModel</name>
    <message>
      <source>By</source>
      <translation>Автор</translation>
    </message>
    <message>
      <source>Cred.</source>
      <translation>Дост.</translation>
    </message>
    <message>
      <source>Credibility of the information (1–6)</source>
      <translation>Достоверность информации (1–6)</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Документ</translation>
    </message>
    <message>
      <source>Excerpt</source>
      <translation>Выдержка</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Оценка</translation>
    </message>
    <message>
      <source>Rel.</source>
      <translation>Над.</translation>
    </message>
    <message>
      <source>Reliability of the source (A–F)</source>
      <translation>Надёжность источника (A–F)</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Источник</translation>
    </message>
    <message>
      <source>Statement</source>
      <translation>Формулировка</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>Supports / contradicts</source>
      <translation>Подтверждает / опровергает</translation>
    </message>
    <message>
      <source>Who made the claim, and the case it came from</source>
      <translation>Кто сделал утверждение и из какого дела оно пришло</translation>
    </message>
    <message>
      <source>unknown source</source>
      <translation>неизвестный источник</translation>
    </message>
  </context>
  <context>
    <name>ClaimsModel</name>
    <message>
      <source>About</source>
      <translation>О чём</translation>
    </message>
    <message>
      <source>By</source>
      <translation>Автор</translation>
    </message>
    <message>
      <source>Excerpt</source>
      <translation>Выдержка</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Оценка</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Источник</translation>
    </message>
    <message>
      <source>unknown source</source>
      <translation>неизвестный источник</translation>
    </message>
    <message>
      <source>{excerpt}
— {title}, {grade}
{whose}</source>
      <translation>{excerpt}
— {title}, {grade}
{whose}</translation>
    </message>
  </context>
  <context>
    <name>ClaimsPane</name>
    <message>
      <source>1 claim</source>
      <translation>утверждений: 1</translation>
    </message>
    <message>
      <source>1 unsourced link</source>
      <translation>связей без источника: 1</translation>
    </message>
    <message>
      <source>All claims</source>
      <translation>Все утверждения</translation>
    </message>
    <message>
      <source>All sources</source>
      <translation>Все источники</translation>
    </message>
    <message>
      <source>Claims</source>
      <translation>Утверждения</translation>
    </message>
    <message>
      <source>Claims by anyone</source>
      <translation>Утверждения всех авторов</translation>
    </message>
    <message>
      <source>Claims by {name}</source>
      <translation>Утверждения автора: {name}</translation>
    </message>
    <message>
      <source>Disputed or refuted</source>
      <translation>Оспоренные или опровергнутые</translation>
    </message>
    <message>
      <source>Filter claims</source>
      <translation>Фильтр утверждений</translation>
    </message>
    <message>
      <source>Filter claims…</source>
      <translation>Фильтр утверждений…</translation>
    </message>
    <message>
      <source>Only the claims of one source</source>
      <translation>Только утверждения одного источника</translation>
    </message>
    <message>
      <source>Only the claims one person made</source>
      <translation>Только утверждения одного человека</translation>
    </message>
    <message>
      <source>Unsourced links</source>
      <translation>Связи без источника</translation>
    </message>
    <message>
      <source>Which claims</source>
      <translation>Какие утверждения</translation>
    </message>
    <message>
      <source>first {n:,} of {total:,} unsourced links</source>
      <translation>первые {n:,} из {total:,} связей без источника</translation>
    </message>
    <message>
      <source>no unsourced links</source>
      <translation>связей без источника нет</translation>
    </message>
    <message>
      <source>reading…</source>
      <translation>чтение…</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>неизвестно</translation>
    </message>
    <message>
      <source>{n} claims</source>
      <translation>утверждений: {n}</translation>
    </message>
    <message>
      <source>{n} unsourced links</source>
      <translation>связей без источника: {n}</translation>
    </message>
  </context>
  <context>
    <name>ConflictTableModel</name>
    <message>
      <source>Kind</source>
      <translation>Вид</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Связь</translation>
    </message>
    <message>
      <source>Ours</source>
      <translation>Наше</translation>
    </message>
    <message>
      <source>Property</source>
      <translation>Свойство</translation>
    </message>
    <message>
      <source>Theirs</source>
      <translation>Их</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Что</translation>
    </message>
  </context>
  <context>
    <name>CsvMappingDialog</name>
    <message>
      <source>(every column is mapped)</source>
      <translation>(сопоставлены все столбцы)</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(нет)</translation>
    </message>
    <message>
      <source>Dates are written as</source>
      <translation>Даты записаны как</translation>
    </message>
    <message>
      <source>Entity type when not given</source>
      <translation>Тип объекта, если не указан</translation>
    </message>
    <message>
      <source>First rows of the file</source>
      <translation>Первые строки файла</translation>
    </message>
    <message>
      <source>Keep the other columns as properties</source>
      <translation>Сохранить остальные столбцы как свойства</translation>
    </message>
    <message>
      <source>Link type when not given</source>
      <translation>Тип связи, если не указан</translation>
    </message>
    <message>
      <source>Map the columns of {name}</source>
      <translation>Сопоставление столбцов {name}</translation>
    </message>
    <message>
      <source>Not mapped</source>
      <translation>Не сопоставлено</translation>
    </message>
    <message>
      <source>Say which column holds what. A row can describe an entity, a link between two named entities, or both.</source>
      <translation>Укажите, что содержится в каждом столбце. Строка может описывать объект, связь между двумя названными объектами или и то и другое.</translation>
    </message>
    <message>
      <source>Type of entities named only in links</source>
      <translation>Тип объектов, названных только в связях</translation>
    </message>
  </context>
  <context>
    <name>DocumentKind</name>
    <message>
      <source>E-mail</source>
      <translation>Эл. письмо</translation>
    </message>
    <message>
      <source>Excel</source>
      <translation>Excel</translation>
    </message>
    <message>
      <source>HTML</source>
      <translation>HTML</translation>
    </message>
    <message>
      <source>MHTML</source>
      <translation>MHTML</translation>
    </message>
    <message>
      <source>Mailbox</source>
      <translation>Почтовый ящик</translation>
    </message>
    <message>
      <source>PDF</source>
      <translation>PDF</translation>
    </message>
    <message>
      <source>Scan</source>
      <translation>Скан</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Текст</translation>
    </message>
    <message>
      <source>Web archive</source>
      <translation>Веб-архив</translation>
    </message>
    <message>
      <source>Word</source>
      <translation>Word</translation>
    </message>
  </context>
  <context>
    <name>DocumentTableModel</name>
    <message>
      <source>Claims</source>
      <translation>Утверждения</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Оценка</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Вид</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Опубликовано</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Источник</translation>
    </message>
    <message>
      <source>Source reliability {grade}: {meaning}</source>
      <translation>Надёжность источника {grade}: {meaning}</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Заголовок</translation>
    </message>
  </context>
  <context>
    <name>DocumentTextView</name>
    <message>
      <source>(no statement)</source>
      <translation>(без формулировки)</translation>
    </message>
    <message>
      <source>Document text</source>
      <translation>Текст документа</translation>
    </message>
    <message>
      <source>Find in Document…</source>
      <translation>Найти в документе…</translation>
    </message>
    <message>
      <source>New Claim from Selection…</source>
      <translation>Новое утверждение из выделенного…</translation>
    </message>
    <message>
      <source>{grade} · {status} · {source}
{statement}</source>
      <translation>{grade} · {status} · {source}
{statement}</translation>
    </message>
  </context>
  <context>
    <name>Documents</name>
    <message>
      <source>Add Documents</source>
      <translation>Добавление документов</translation>
    </message>
    <message>
      <source>Add document {name}</source>
      <translation>Добавить документ {name}</translation>
    </message>
    <message>
      <source>Add {n} documents</source>
      <translation>Добавить документы ({n})</translation>
    </message>
    <message>
      <source>Added {added}, duplicates {duplicate}, failed {failed}.</source>
      <translation>Добавлено: {added}, дубликатов: {duplicate}, с ошибкой: {failed}.</translation>
    </message>
    <message>
      <source>Adding documents cancelled; nothing was changed.</source>
      <translation>Добавление документов отменено; ничего не изменено.</translation>
    </message>
    <message>
      <source>Adding documents…</source>
      <translation>Добавление документов…</translation>
    </message>
    <message>
      <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.docx *.xlsx *.eml *.mbox *.mht *.mhtml *.warc *.warc.gz *.html *.htm *.txt *.md *.markdown);;All files (*)</source>
      <translation>Документы (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.docx *.xlsx *.eml *.mbox *.mht *.mhtml *.warc *.warc.gz *.html *.htm *.txt *.md *.markdown);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Not added: {reason}</source>
      <translation>Не добавлено: {reason}</translation>
    </message>
    <message>
      <source>Scans will be read in: {languages}</source>
      <translation>Сканы будут распознаваться на языках: {languages}</translation>
    </message>
    <message>
      <source>… and {n} more</source>
      <translation>… и ещё {n}</translation>
    </message>
  </context>
  <context>
    <name>DocumentsKeys</name>
    <message>
      <source>Close Find</source>
      <translation>Закрыть поиск</translation>
    </message>
    <message>
      <source>Find in the document</source>
      <translation>Найти в документе</translation>
    </message>
    <message>
      <source>Mark the selected passage as a claim</source>
      <translation>Отметить выделенный фрагмент как утверждение</translation>
    </message>
    <message>
      <source>Next / previous match (in Find)</source>
      <translation>Следующее / предыдущее совпадение (в поиске)</translation>
    </message>
  </context>
  <context>
    <name>DocumentsPane</name>
    <message>
      <source>Add documents from files (or drop files on this pane)</source>
      <translation>Добавить документы из файлов (или перетащите файлы на эту панель)</translation>
    </message>
    <message>
      <source>Add…</source>
      <translation>Добавить…</translation>
    </message>
    <message>
      <source>Claim created: {statement}</source>
      <translation>Утверждение создано: {statement}</translation>
    </message>
    <message>
      <source>Claims are highlighted by status; hover one for its grade and statement, click it to select it</source>
      <translation>Утверждения выделены цветом по статусу; наведите указатель, чтобы увидеть оценку и формулировку, щёлкните, чтобы выбрать</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Документы</translation>
    </message>
    <message>
      <source>Drop files here, or use Add…</source>
      <translation>Перетащите файлы сюда или нажмите «Добавить…»</translation>
    </message>
    <message>
      <source>Extracted text: select passages here</source>
      <translation>Извлечённый текст: выделяйте фрагменты здесь</translation>
    </message>
    <message>
      <source>Find in Document…</source>
      <translation>Найти в документе…</translation>
    </message>
    <message>
      <source>Link (not opened): {url}</source>
      <translation>Ссылка (не открыта): {url}</translation>
    </message>
    <message>
      <source>New Claim</source>
      <translation>Новое утверждение</translation>
    </message>
    <message>
      <source>New Claim from Selection…</source>
      <translation>Новое утверждение из выделенного…</translation>
    </message>
    <message>
      <source>New claim from the selected passage ({key})</source>
      <translation>Новое утверждение из выделенного фрагмента ({key})</translation>
    </message>
    <message>
      <source>No document open</source>
      <translation>Документ не открыт</translation>
    </message>
    <message>
      <source>Page</source>
      <translation>Страница</translation>
    </message>
    <message>
      <source>Pages</source>
      <translation>Страницы</translation>
    </message>
    <message>
      <source>Select a passage in the document first.</source>
      <translation>Сначала выделите фрагмент в документе.</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>Текст</translation>
    </message>
    <message>
      <source>The PDF's pages as printed</source>
      <translation>Страницы PDF в печатном виде</translation>
    </message>
    <message>
      <source>The page as published (rendered safely: no scripts, no external loads); select passages in Text to create claims</source>
      <translation>Страница в опубликованном виде (показана безопасно: без скриптов и внешних загрузок); выделяйте фрагменты во вкладке «Текст», чтобы создавать утверждения</translation>
    </message>
    <message>
      <source>The page as published, without scripts, images or external content; select passages in Text to create claims</source>
      <translation>Страница в опубликованном виде, без скриптов, изображений и внешнего содержимого; выделяйте фрагменты во вкладке «Текст», чтобы создавать утверждения</translation>
    </message>
    <message>
      <source>The pages as printed or scanned; drag over words to select a passage</source>
      <translation>Страницы в печатном или отсканированном виде; проведите по словам, чтобы выделить фрагмент</translation>
    </message>
  </context>
  <context>
    <name>EntitiesKeys</name>
    <message>
      <source>Open the entity's detail</source>
      <translation>Открыть подробности объекта</translation>
    </message>
  </context>
  <context>
    <name>EntitiesPane</name>
    <message>
      <source>1 entity</source>
      <translation>объектов: 1</translation>
    </message>
    <message>
      <source>1 match</source>
      <translation>совпадений: 1</translation>
    </message>
    <message>
      <source>Entities</source>
      <translation>Объекты</translation>
    </message>
    <message>
      <source>Filter by name, alias, type or country (country:ru, schema:Person)…</source>
      <translation>Фильтр по имени, псевдониму, типу или стране (country:ru, schema:Person)…</translation>
    </message>
    <message>
      <source>Filter entities</source>
      <translation>Фильтр объектов</translation>
    </message>
    <message>
      <source>{n} entities</source>
      <translation>объектов: {n}</translation>
    </message>
    <message>
      <source>{n} matches</source>
      <translation>совпадений: {n}</translation>
    </message>
  </context>
  <context>
    <name>EntityDetailWidget</name>
    <message>
      <source>Claims</source>
      <translation>Утверждения</translation>
    </message>
    <message>
      <source>Claims (reading…)</source>
      <translation>Утверждения (читаются…)</translation>
    </message>
    <message>
      <source>Claims ({n})</source>
      <translation>Утверждения ({n})</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Изменить…</translation>
    </message>
    <message>
      <source>Links</source>
      <translation>Связи</translation>
    </message>
    <message>
      <source>Links (reading…)</source>
      <translation>Связи (читаются…)</translation>
    </message>
    <message>
      <source>Links ({n})</source>
      <translation>Связи ({n})</translation>
    </message>
    <message>
      <source>Links ({n}, {u} unsourced)</source>
      <translation>Связи ({n}, без источника: {u})</translation>
    </message>
    <message>
      <source>Properties</source>
      <translation>Свойства</translation>
    </message>
  </context>
  <context>
    <name>EntityEditorDialog</name>
    <message>
      <source>&amp;Aliases:</source>
      <translation>&amp;Псевдонимы:</translation>
    </message>
    <message>
      <source>&amp;Country:</source>
      <translation>&amp;Страна:</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Имя:</translation>
    </message>
    <message>
      <source>&amp;Role:</source>
      <translation>&amp;Роль:</translation>
    </message>
    <message>
      <source>&amp;Type:</source>
      <translation>&amp;Тип:</translation>
    </message>
    <message>
      <source>An entity needs a name.</source>
      <translation>У объекта должно быть имя.</translation>
    </message>
    <message>
      <source>Country codes, e.g. ru; cy</source>
      <translation>Коды стран, например ru; cy</translation>
    </message>
    <message>
      <source>Edit Entity</source>
      <translation>Изменить объект</translation>
    </message>
    <message>
      <source>Edit {name}</source>
      <translation>Изменить {name}</translation>
    </message>
    <message>
      <source>N&amp;otes:</source>
      <translation>П&amp;римечания:</translation>
    </message>
    <message>
      <source>New Entity</source>
      <translation>Новый объект</translation>
    </message>
    <message>
      <source>New entity {name}</source>
      <translation>Новый объект {name}</translation>
    </message>
    <message>
      <source>Other names, separated by ;</source>
      <translation>Другие имена через ;</translation>
    </message>
    <message>
      <source>Re&amp;gistration no.:</source>
      <translation>Ре&amp;гистрационный номер:</translation>
    </message>
  </context>
  <context>
    <name>EntityEdits</name>
    <message>
      <source>Delete Entity</source>
      <translation>Удаление объекта</translation>
    </message>
    <message>
      <source>Delete {names}? Its links and what supports them go too. Undo brings them back.</source>
      <translation>Удалить {names}? Вместе с объектом удаляются его связи и то, что их подтверждает. Команда «Отменить» всё вернёт.</translation>
    </message>
    <message>
      <source>Delete {name}</source>
      <translation>Удалить {name}</translation>
    </message>
    <message>
      <source>Delete {n} entities</source>
      <translation>Удалить объекты ({n})</translation>
    </message>
    <message>
      <source>Delete {n} entities with their links?</source>
      <translation>Удалить объекты ({n}) вместе с их связями?</translation>
    </message>
    <message>
      <source>Delete…</source>
      <translation>Удалить…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>Изменить…</translation>
    </message>
    <message>
      <source>Find Connecting Paths</source>
      <translation>Найти связующие пути</translation>
    </message>
    <message>
      <source>Merge…</source>
      <translation>Объединить…</translation>
    </message>
    <message>
      <source>Open Detail</source>
      <translation>Открыть подробности</translation>
    </message>
    <message>
      <source>Print Evidence Summary…</source>
      <translation>Печать сводки доказательств…</translation>
    </message>
    <message>
      <source>Show Control Chain</source>
      <translation>Показать цепочку контроля</translation>
    </message>
  </context>
  <context>
    <name>EntityListModel</name>
    <message>
      <source>Claims</source>
      <translation>Утверждения</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Страна</translation>
    </message>
    <message>
      <source>Links</source>
      <translation>Связи</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Имя</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Тип</translation>
    </message>
  </context>
  <context>
    <name>EntityPicker</name>
    <message>
      <source>Type a name…</source>
      <translation>Введите имя…</translation>
    </message>
  </context>
  <context>
    <name>EntityRole</name>
    <message>
      <source>brand</source>
      <translation>бренд</translation>
    </message>
    <message>
      <source>facility</source>
      <translation>предприятие</translation>
    </message>
    <message>
      <source>media</source>
      <translation>СМИ</translation>
    </message>
    <message>
      <source>registry</source>
      <translation>реестр</translation>
    </message>
    <message>
      <source>state</source>
      <translation>государство</translation>
    </message>
  </context>
  <context>
    <name>EntitySchema</name>
    <message>
      <source>Address</source>
      <translation>Адрес</translation>
    </message>
    <message>
      <source>Airplane</source>
      <translation>Самолёт</translation>
    </message>
    <message>
      <source>Asset</source>
      <translation>Актив</translation>
    </message>
    <message>
      <source>BankAccount</source>
      <translation>Банковский счёт</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Компания</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Договор</translation>
    </message>
    <message>
      <source>CourtCase</source>
      <translation>Судебное дело</translation>
    </message>
    <message>
      <source>CryptoWallet</source>
      <translation>Криптокошелёк</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Событие</translation>
    </message>
    <message>
      <source>Identification</source>
      <translation>Удостоверение</translation>
    </message>
    <message>
      <source>LegalEntity</source>
      <translation>Юридическое лицо</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Заметка</translation>
    </message>
    <message>
      <source>Organization</source>
      <translation>Организация</translation>
    </message>
    <message>
      <source>Passport</source>
      <translation>Паспорт</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Лицо</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Должность</translation>
    </message>
    <message>
      <source>Project</source>
      <translation>Проект</translation>
    </message>
    <message>
      <source>PublicBody</source>
      <translation>Госорган</translation>
    </message>
    <message>
      <source>RealEstate</source>
      <translation>Недвижимость</translation>
    </message>
    <message>
      <source>Security</source>
      <translation>Ценная бумага</translation>
    </message>
    <message>
      <source>Vehicle</source>
      <translation>Транспортное средство</translation>
    </message>
    <message>
      <source>Vessel</source>
      <translation>Судно</translation>
    </message>
  </context>
  <context>
    <name>FamilyBar</name>
    <message>
      <source>Came inside: {link}</source>
      <translation>Пришёл внутри: {link}</translation>
    </message>
    <message>
      <source>Holds: {links}</source>
      <translation>Содержит: {links}</translation>
    </message>
    <message>
      <source>and {n} more</source>
      <translation>и ещё {n}</translation>
    </message>
  </context>
  <context>
    <name>Files</name>
    <message>
      <source>Case File in Use</source>
      <translation>Файл дела занят</translation>
    </message>
    <message>
      <source>Case files (*.casefile)</source>
      <translation>Файлы дел (*.casefile)</translation>
    </message>
    <message>
      <source>Case files (*.casefile);;All files (*)</source>
      <translation>Файлы дел (*.casefile);;Все файлы (*)</translation>
    </message>
    <message>
      <source>Case name:</source>
      <translation>Название дела:</translation>
    </message>
    <message>
      <source>Connecting to the team case…</source>
      <translation>Подключение к командному делу…</translation>
    </message>
    <message>
      <source>History differs</source>
      <translation>История расходится</translation>
    </message>
    <message>
      <source>New Case File</source>
      <translation>Новый файл дела</translation>
    </message>
    <message>
      <source>Open Case File</source>
      <translation>Открыть файл дела</translation>
    </message>
    <message>
      <source>Open Read-Only</source>
      <translation>Открыть только для чтения</translation>
    </message>
    <message>
      <source>Open Team Case</source>
      <translation>Открытие командного дела</translation>
    </message>
    <message>
      <source>PostgreSQL address of the team case (postgresql://user@host/database):</source>
      <translation>Адрес командного дела в PostgreSQL (postgresql://user@host/database):</translation>
    </message>
    <message>
      <source>This case's history does not continue the one this computer last saw. File ▸ Verify Case… shows the details.

{problem}</source>
      <translation>История этого дела не продолжает ту, что этот компьютер видел в последний раз. Подробности — в меню Файл ▸ Проверить дело….

{problem}</translation>
    </message>
    <message>
      <source>Upgraded from an older version; a backup was saved as {name}</source>
      <translation>Обновлено из более старой версии; резервная копия сохранена как {name}</translation>
    </message>
    <message>
      <source>{in_use}.

You can look at it read-only while they work; open it again for editing once they have closed it.</source>
      <translation>{in_use}.

Пока с ним работают, его можно просматривать только для чтения; откройте его снова для правки, когда его закроют.</translation>
    </message>
    <message>
      <source>{url} is not a postgresql:// address</source>
      <translation>{url} — не адрес postgresql://</translation>
    </message>
  </context>
  <context>
    <name>FindBar</name>
    <message>
      <source>Close (Esc)</source>
      <translation>Закрыть (Esc)</translation>
    </message>
    <message>
      <source>Find in document</source>
      <translation>Поиск в документе</translation>
    </message>
    <message>
      <source>Next match (Enter)</source>
      <translation>Следующее совпадение (Enter)</translation>
    </message>
    <message>
      <source>No matches</source>
      <translation>Совпадений нет</translation>
    </message>
    <message>
      <source>Previous match (Shift+Enter)</source>
      <translation>Предыдущее совпадение (Shift+Enter)</translation>
    </message>
    <message>
      <source>{n} of {total}</source>
      <translation>{n} из {total}</translation>
    </message>
  </context>
  <context>
    <name>HtmlPageView</name>
    <message>
      <source>Page as published</source>
      <translation>Страница в опубликованном виде</translation>
    </message>
    <message>
      <source>Reading the saved page…</source>
      <translation>Чтение сохранённой страницы…</translation>
    </message>
    <message>
      <source>The saved page could not be shown: {reason}</source>
      <translation>Сохранённую страницу не удалось показать: {reason}</translation>
    </message>
  </context>
  <context>
    <name>ImportPreviewDialog</name>
    <message>
      <source>Import</source>
      <translation>Импорт</translation>
    </message>
    <message>
      <source>Import {name}</source>
      <translation>Импорт {name}</translation>
    </message>
    <message>
      <source>Nothing has been written yet. Import adds the following to the case as one step you can undo.</source>
      <translation>Пока ничего не записано. Импорт добавит в дело следующее одним шагом, который можно отменить.</translation>
    </message>
    <message>
      <source>What the import adds</source>
      <translation>Что добавит импорт</translation>
    </message>
  </context>
  <context>
    <name>ImportReport</name>
    <message>
      <source>already in the case: {what}</source>
      <translation>уже есть в деле: {what}</translation>
    </message>
    <message>
      <source>claim targets</source>
      <translation>привязки утверждений</translation>
    </message>
    <message>
      <source>claims</source>
      <translation>утверждения</translation>
    </message>
    <message>
      <source>documents</source>
      <translation>документы</translation>
    </message>
    <message>
      <source>entities</source>
      <translation>объекты</translation>
    </message>
    <message>
      <source>events</source>
      <translation>события</translation>
    </message>
    <message>
      <source>kept but not modelled: {n} × {prop}</source>
      <translation>сохранено, но не смоделировано: {n} × {prop}</translation>
    </message>
    <message>
      <source>links</source>
      <translation>связи</translation>
    </message>
    <message>
      <source>not imported: {n} × schema {schema}</source>
      <translation>не импортировано: {n} × схема {schema}</translation>
    </message>
    <message>
      <source>skipped: {n} × {reason}</source>
      <translation>пропущено: {n} × {reason}</translation>
    </message>
    <message>
      <source>sources</source>
      <translation>источники</translation>
    </message>
    <message>
      <source>warning: {text}</source>
      <translation>предупреждение: {text}</translation>
    </message>
    <message>
      <source>{label}: added {what}</source>
      <translation>{label}: добавлено — {what}</translation>
    </message>
    <message>
      <source>{label}: nothing new</source>
      <translation>{label}: ничего нового</translation>
    </message>
    <message>
      <source>{n} {kind}</source>
      <translation>{kind}: {n}</translation>
    </message>
  </context>
  <context>
    <name>ImportReportModel</name>
    <message>
      <source>Count</source>
      <translation>Количество</translation>
    </message>
    <message>
      <source>Kept, not modelled: {prop}</source>
      <translation>Сохранено без модели: {prop}</translation>
    </message>
    <message>
      <source>Not imported: schema {schema}</source>
      <translation>Не импортировано: схема {schema}</translation>
    </message>
    <message>
      <source>Skipped: {reason}</source>
      <translation>Пропущено: {reason}</translation>
    </message>
    <message>
      <source>To add: {kind}</source>
      <translation>Будет добавлено: {kind}</translation>
    </message>
    <message>
      <source>Warning: {text}</source>
      <translation>Предупреждение: {text}</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Что</translation>
    </message>
  </context>
  <context>
    <name>JudgementsDialog</name>
    <message>
      <source>Close</source>
      <translation>Закрыть</translation>
    </message>
    <message>
      <source>Merge “{theirs}” into “{ours}”</source>
      <translation>Объединить «{theirs}» с «{ours}»</translation>
    </message>
    <message>
      <source>No unsure matches to review.</source>
      <translation>Сомнительных совпадений для проверки нет.</translation>
    </message>
    <message>
      <source>Not the same</source>
      <translation>Не тот же</translation>
    </message>
    <message>
      <source>Not the same: “{theirs}” / “{ours}”</source>
      <translation>Не тот же: «{theirs}» / «{ours}»</translation>
    </message>
    <message>
      <source>Pairs a merge left as “unsure”. Select a pair to see it in the workspace, then decide. “Same — merge” keeps our entity and adds theirs as an alias; Edit ▸ Undo takes it back.</source>
      <translation>Пары, которые слияние оставило «под сомнением». Выберите пару, чтобы увидеть её в рабочей области, и решите. «Тот же — объединить» сохраняет наш объект и добавляет их объект как псевдоним; Правка ▸ Отменить возвращает всё назад.</translation>
    </message>
    <message>
      <source>Pairs left unsure</source>
      <translation>Пары под сомнением</translation>
    </message>
    <message>
      <source>Review Possible Duplicates</source>
      <translation>Проверка возможных дубликатов</translation>
    </message>
    <message>
      <source>Same — merge</source>
      <translation>Тот же — объединить</translation>
    </message>
    <message>
      <source>Still unsure</source>
      <translation>Пока не ясно</translation>
    </message>
  </context>
  <context>
    <name>LinkSchema</name>
    <message>
      <source>Associate</source>
      <translation>Связанное лицо</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>Договор</translation>
    </message>
    <message>
      <source>ContractAward</source>
      <translation>Присуждение контракта</translation>
    </message>
    <message>
      <source>Control</source>
      <translation>Контроль</translation>
    </message>
    <message>
      <source>Debt</source>
      <translation>Долг</translation>
    </message>
    <message>
      <source>Directorship</source>
      <translation>Руководство</translation>
    </message>
    <message>
      <source>Employment</source>
      <translation>Работа по найму</translation>
    </message>
    <message>
      <source>Family</source>
      <translation>Родство</translation>
    </message>
    <message>
      <source>Membership</source>
      <translation>Членство</translation>
    </message>
    <message>
      <source>Occupancy</source>
      <translation>Занимаемая должность</translation>
    </message>
    <message>
      <source>Ownership</source>
      <translation>Владение</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>Платёж</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Ссылка</translation>
    </message>
    <message>
      <source>Representation</source>
      <translation>Представительство</translation>
    </message>
    <message>
      <source>Sanction</source>
      <translation>Санкция</translation>
    </message>
    <message>
      <source>Succession</source>
      <translation>Правопреемство</translation>
    </message>
    <message>
      <source>UnknownLink</source>
      <translation>Неизвестная связь</translation>
    </message>
  </context>
  <context>
    <name>LinkTypes</name>
    <message>
      <source>controls</source>
      <translation>контролирует</translation>
    </message>
    <message>
      <source>directs</source>
      <translation>руководит</translation>
    </message>
    <message>
      <source>employs</source>
      <translation>нанимает</translation>
    </message>
    <message>
      <source>has member</source>
      <translation>имеет в составе</translation>
    </message>
    <message>
      <source>holds</source>
      <translation>имеет</translation>
    </message>
    <message>
      <source>is associate of</source>
      <translation>является партнёром</translation>
    </message>
    <message>
      <source>is awarded to</source>
      <translation>присуждён</translation>
    </message>
    <message>
      <source>is controlled by</source>
      <translation>контролируется</translation>
    </message>
    <message>
      <source>is directed by</source>
      <translation>возглавляется</translation>
    </message>
    <message>
      <source>is employed by</source>
      <translation>работает в</translation>
    </message>
    <message>
      <source>is family of</source>
      <translation>родственник</translation>
    </message>
    <message>
      <source>is linked to</source>
      <translation>связан с</translation>
    </message>
    <message>
      <source>is member of</source>
      <translation>состоит в</translation>
    </message>
    <message>
      <source>is owed by</source>
      <translation>является кредитором</translation>
    </message>
    <message>
      <source>is owned by</source>
      <translation>принадлежит</translation>
    </message>
    <message>
      <source>is paid by</source>
      <translation>получает оплату от</translation>
    </message>
    <message>
      <source>is represented by</source>
      <translation>представлен</translation>
    </message>
    <message>
      <source>is sanctioned by</source>
      <translation>под санкциями</translation>
    </message>
    <message>
      <source>is succeeded by</source>
      <translation>имеет преемника</translation>
    </message>
    <message>
      <source>is supplied by</source>
      <translation>снабжается</translation>
    </message>
    <message>
      <source>owes</source>
      <translation>должен</translation>
    </message>
    <message>
      <source>owns</source>
      <translation>владеет</translation>
    </message>
    <message>
      <source>pays</source>
      <translation>платит</translation>
    </message>
    <message>
      <source>refers to</source>
      <translation>ссылается на</translation>
    </message>
    <message>
      <source>represents</source>
      <translation>представляет</translation>
    </message>
    <message>
      <source>sanctions</source>
      <translation>вводит санкции против</translation>
    </message>
    <message>
      <source>succeeds</source>
      <translation>является преемником</translation>
    </message>
    <message>
      <source>supplies</source>
      <translation>поставляет</translation>
    </message>
  </context>
  <context>
    <name>LinksModel</name>
    <message>
      <source> (+{n} more)</source>
      <translation> (ещё {n})</translation>
    </message>
    <message>
      <source> · DISPUTED</source>
      <translation> · ОСПОРЕНО</translation>
    </message>
    <message>
      <source> · {n} contradicting</source>
      <translation> · опровергающих: {n}</translation>
    </message>
    <message>
      <source>By</source>
      <translation>Автор</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Даты</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>Доказательства</translation>
    </message>
    <message>
      <source>Relationship</source>
      <translation>Отношение</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>Доля</translation>
    </message>
    <message>
      <source>UNSOURCED</source>
      <translation>БЕЗ ИСТОЧНИКА</translation>
    </message>
    <message>
      <source>With</source>
      <translation>С кем</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Повторить</translation>
    </message>
    <message>
      <source>&amp;Redo {label}</source>
      <translation>&amp;Повторить: {label}</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Отменить</translation>
    </message>
    <message>
      <source>&amp;Undo {label}</source>
      <translation>&amp;Отменить: {label}</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(нет)</translation>
    </message>
    <message>
      <source>Also {holder}; your changes wait for theirs</source>
      <translation>Также {holder}; ваши изменения ждут их изменений</translation>
    </message>
    <message>
      <source>Case File Explorer</source>
      <translation>Case File Explorer</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>Открыть неда&amp;вние</translation>
    </message>
    <message>
      <source>Open a case file (File ▸ Open) or create one.</source>
      <translation>Откройте файл дела (Файл ▸ Открыть) или создайте новый.</translation>
    </message>
    <message>
      <source>Read-only ({reason}): documents cannot be added</source>
      <translation>Только чтение ({reason}): документы добавить нельзя</translation>
    </message>
    <message>
      <source>Read-only: {reason} — editing is off</source>
      <translation>Только чтение: {reason} — правка отключена</translation>
    </message>
    <message>
      <source>{e} entities · {l} links ({u} unsourced) · {d} documents · {c} claims</source>
      <translation>объектов: {e} · связей: {l} (без источника: {u}) · документов: {d} · утверждений: {c}</translation>
    </message>
    <message>
      <source>{name} — {file} — Case File Explorer</source>
      <translation>{name} — {file} — Case File Explorer</translation>
    </message>
    <message>
      <source>{title} [read-only]</source>
      <translation>{title} [только чтение]</translation>
    </message>
  </context>
  <context>
    <name>MatchTableModel</name>
    <message>
      <source>Decision</source>
      <translation>Решение</translation>
    </message>
    <message>
      <source>Match</source>
      <translation>Совпадение</translation>
    </message>
    <message>
      <source>Not the same</source>
      <translation>Не тот же</translation>
    </message>
    <message>
      <source>Our entity</source>
      <translation>Наш объект</translation>
    </message>
    <message>
      <source>Same</source>
      <translation>Тот же</translation>
    </message>
    <message>
      <source>Their entity</source>
      <translation>Их объект</translation>
    </message>
    <message>
      <source>Unsure</source>
      <translation>Не ясно</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Почему</translation>
    </message>
    <message>
      <source>proposed</source>
      <translation>предложено</translation>
    </message>
    <message>
      <source>sure</source>
      <translation>точно</translation>
    </message>
  </context>
  <context>
    <name>Menus</name>
    <message>
      <source>&amp;Analysis</source>
      <translation>&amp;Анализ</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Правка</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Справка</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Вид</translation>
    </message>
  </context>
  <context>
    <name>MergeEntitiesDialog</name>
    <message>
      <source>Keep “{name}” ({schema}, {links} links, {claims} claims)</source>
      <translation>Оставить «{name}» ({schema}, связей: {links}, утверждений: {claims})</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>Объединить</translation>
    </message>
    <message>
      <source>Merge Entities</source>
      <translation>Объединить объекты</translation>
    </message>
    <message>
      <source>Merge entities</source>
      <translation>Объединение объектов</translation>
    </message>
    <message>
      <source>These two entities will become one. Which one do you keep? The other's names become aliases; its links and claims move to the kept one.</source>
      <translation>Эти два объекта станут одним. Какой оставить? Имена второго станут псевдонимами, его связи и утверждения перейдут к оставленному.</translation>
    </message>
  </context>
  <context>
    <name>MergeReviewDialog</name>
    <message>
      <source>Conflicts</source>
      <translation>Расхождения</translation>
    </message>
    <message>
      <source>Conflicts (both sides are kept; differing stakes become a dispute to resolve)</source>
      <translation>Расхождения (сохраняются обе стороны; разные доли становятся спором, который нужно разрешить)</translation>
    </message>
    <message>
      <source>Merge</source>
      <translation>Объединить</translation>
    </message>
    <message>
      <source>Merge {name}</source>
      <translation>Слияние с {name}</translation>
    </message>
    <message>
      <source>Proposed matches</source>
      <translation>Предлагаемые совпадения</translation>
    </message>
    <message>
      <source>a colleague</source>
      <translation>коллега</translation>
    </message>
    <message>
      <source>“{case}” by {whose}. {sure} of their entities are surely ours (an identifier agrees), {proposed} may be (names and context agree — decide below); {new} are new. Their claims on links we already have attach to our links; a different stake for the same link is kept as a dispute, not a second link. Everything names whose it was. The merge is one step you can undo.</source>
      <translation>«{case}», автор: {whose}. Точно совпадают с нашими (совпал идентификатор) объектов: {sure}; возможно совпадают (совпадают имена и контекст — решите ниже): {proposed}; новых: {new}. Их утверждения о связях, которые у нас уже есть, привязываются к нашим связям; другая доля для той же связи сохраняется как спор, а не как вторая связь. У всего указано, чьё оно. Слияние — один шаг, который можно отменить.</translation>
    </message>
  </context>
  <context>
    <name>NetworkKeys</name>
    <message>
      <source>Clear the selection</source>
      <translation>Снять выделение</translation>
    </message>
    <message>
      <source>Fit the whole graph in the view</source>
      <translation>Показать весь граф</translation>
    </message>
    <message>
      <source>Hide the selected nodes</source>
      <translation>Скрыть выделенные узлы</translation>
    </message>
    <message>
      <source>Move the view</source>
      <translation>Сдвинуть вид</translation>
    </message>
    <message>
      <source>Next / previous node, most connected first</source>
      <translation>Следующий / предыдущий узел, начиная с самых связанных</translation>
    </message>
    <message>
      <source>Open the node: add its neighbours, or open a group</source>
      <translation>Раскрыть узел: добавить его соседей или открыть группу</translation>
    </message>
    <message>
      <source>Select the node</source>
      <translation>Выделить узел</translation>
    </message>
    <message>
      <source>Zoom in / out</source>
      <translation>Приблизить / отдалить</translation>
    </message>
    <message>
      <source>selected</source>
      <translation>выделен</translation>
    </message>
  </context>
  <context>
    <name>NetworkPane</name>
    <message>
      <source> Depth </source>
      <translation> Глубина </translation>
    </message>
    <message>
      <source>%1 entities</source>
      <translation>объектов: %1</translation>
    </message>
    <message>
      <source>%1 entities, %2 links</source>
      <translation>объектов: %1, связей: %2</translation>
    </message>
    <message>
      <source>%1 has no known owners or controllers %2</source>
      <translation>У %1 нет известных владельцев или контролирующих лиц %2</translation>
    </message>
    <message>
      <source>%1 links</source>
      <translation>связей: %1</translation>
    </message>
    <message>
      <source>%1 opened</source>
      <translation>%1 раскрыто</translation>
    </message>
    <message>
      <source>%n paths between %1 and %2</source>
      <translation>Путей между %1 и %2: %n</translation>
    </message>
    <message>
      <source>(current)</source>
      <translation>(текущая)</translation>
    </message>
    <message>
      <source>1 link</source>
      <translation>связей: 1</translation>
    </message>
    <message>
      <source>1 path between %1 and %2</source>
      <translation>1 путь между %1 и %2</translation>
    </message>
    <message>
      <source>Around %1: %2</source>
      <translation>Вокруг %1: %2</translation>
    </message>
    <message>
      <source>Control chain of %1 %2</source>
      <translation>Цепочка контроля %1 %2</translation>
    </message>
    <message>
      <source>Could not write %1</source>
      <translation>Не удалось записать %1</translation>
    </message>
    <message>
      <source>Ctrl+click a second entity first</source>
      <translation>Сначала выберите второй объект щелчком с Ctrl</translation>
    </message>
    <message>
      <source>Depth</source>
      <translation>Глубина</translation>
    </message>
    <message>
      <source>Double-click a group to open it</source>
      <translation>Дважды щёлкните группу, чтобы раскрыть её</translation>
    </message>
    <message>
      <source>Entities without links</source>
      <translation>Объекты без связей</translation>
    </message>
    <message>
      <source>Expand</source>
      <translation>Раскрыть</translation>
    </message>
    <message>
      <source>Export network</source>
      <translation>Экспорт сети</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>Экспорт…</translation>
    </message>
    <message>
      <source>Find connecting paths</source>
      <translation>Найти связующие пути</translation>
    </message>
    <message>
      <source>Find in the network</source>
      <translation>Поиск в сети</translation>
    </message>
    <message>
      <source>Find in the network…</source>
      <translation>Найти в сети…</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Вписать</translation>
    </message>
    <message>
      <source>Fit the graph in the view (F)</source>
      <translation>Вписать граф в окно (F)</translation>
    </message>
    <message>
      <source>Force-directed</source>
      <translation>Силовая раскладка</translation>
    </message>
    <message>
      <source>Hide</source>
      <translation>Скрыть</translation>
    </message>
    <message>
      <source>Hierarchical (owners above)</source>
      <translation>Иерархическая (владельцы сверху)</translation>
    </message>
    <message>
      <source>How many links away from the selection to show</source>
      <translation>Сколько связей от выбранного объекта показывать</translation>
    </message>
    <message>
      <source>Laying out the network…</source>
      <translation>Раскладка сети…</translation>
    </message>
    <message>
      <source>Layout</source>
      <translation>Расположение</translation>
    </message>
    <message>
      <source>Loading the whole case…</source>
      <translation>Загрузка всего дела…</translation>
    </message>
    <message>
      <source>Move node</source>
      <translation>Переместить узел</translation>
    </message>
    <message>
      <source>Network exported to %1</source>
      <translation>Сеть экспортирована в %1</translation>
    </message>
    <message>
      <source>Network of entities and links</source>
      <translation>Сеть объектов и связей</translation>
    </message>
    <message>
      <source>No connecting path between %1 and %2 (up to 6 links, %3)</source>
      <translation>Между %1 и %2 нет связующего пути (до 6 связей, %3)</translation>
    </message>
    <message>
      <source>No entity matches “%1”</source>
      <translation>Нет объекта, соответствующего «%1»</translation>
    </message>
    <message>
      <source>Open a case to see its network.</source>
      <translation>Откройте дело, чтобы увидеть его сеть.</translation>
    </message>
    <message>
      <source>PNG image (*.png);;SVG drawing (*.svg)</source>
      <translation>Изображение PNG (*.png);;Рисунок SVG (*.svg)</translation>
    </message>
    <message>
      <source>Pin</source>
      <translation>Закрепить</translation>
    </message>
    <message>
      <source>Pin node</source>
      <translation>Закрепить узел</translation>
    </message>
    <message>
      <source>Print evidence summary</source>
      <translation>Печать сводки доказательств</translation>
    </message>
    <message>
      <source>Re-layout</source>
      <translation>Разложить заново</translation>
    </message>
    <message>
      <source>Select an entity to see its neighbourhood, or choose “Whole case”.</source>
      <translation>Выберите объект, чтобы увидеть его окружение, или выберите «Всё дело».</translation>
    </message>
    <message>
      <source>Show control chain</source>
      <translation>Показать цепочку контроля</translation>
    </message>
    <message>
      <source>Show every entity of the case</source>
      <translation>Показать все объекты дела</translation>
    </message>
    <message>
      <source>Show hidden</source>
      <translation>Показать скрытые</translation>
    </message>
    <message>
      <source>Solid: sourced · Dashed: unsourced · Red: disputed · Bold outline: controls · Dot: pinned</source>
      <translation>Сплошная: с источником · Штриховая: без источника · Красная: оспорено · Жирный контур: контролирует · Точка: закреплено</translation>
    </message>
    <message>
      <source>Type a name and press Enter to go to that entity</source>
      <translation>Введите имя и нажмите Enter, чтобы перейти к этому объекту</translation>
    </message>
    <message>
      <source>Unpin</source>
      <translation>Открепить</translation>
    </message>
    <message>
      <source>Unpin node</source>
      <translation>Открепить узел</translation>
    </message>
    <message>
      <source>Whole case</source>
      <translation>Всё дело</translation>
    </message>
    <message>
      <source>Whole case: %1</source>
      <translation>Всё дело: %1</translation>
    </message>
    <message>
      <source>Whole case: %1 entities, %2 links in %3 groups</source>
      <translation>Всё дело: объектов: %1, связей: %2, групп: %3</translation>
    </message>
    <message>
      <source>as of %1</source>
      <translation>на %1</translation>
    </message>
    <message>
      <source>as of any date</source>
      <translation>на любую дату</translation>
    </message>
    <message>
      <source>controls</source>
      <translation>контролирует</translation>
    </message>
    <message>
      <source>disputed</source>
      <translation>оспорено</translation>
    </message>
    <message>
      <source>double-click a group to open it</source>
      <translation>дважды щёлкните группу, чтобы раскрыть её</translation>
    </message>
    <message>
      <source>too many neighbours: the outer ring is left out</source>
      <translation>слишком много соседей: внешнее кольцо не показано</translation>
    </message>
  </context>
  <context>
    <name>NewClaimDialog</name>
    <message>
      <source>%</source>
      <translation>%</translation>
    </message>
    <message>
      <source>&amp;Entity:</source>
      <translation>&amp;Объект:</translation>
    </message>
    <message>
      <source>&amp;Link:</source>
      <translation>&amp;Связь:</translation>
    </message>
    <message>
      <source>&amp;Property:</source>
      <translation>&amp;Свойство:</translation>
    </message>
    <message>
      <source>&amp;Statement:</source>
      <translation>&amp;Формулировка:</translation>
    </message>
    <message>
      <source>&amp;Value:</source>
      <translation>&amp;Значение:</translation>
    </message>
    <message>
      <source>(no links between the entities named here)</source>
      <translation>(между названными объектами связей нет)</translation>
    </message>
    <message>
      <source>, page {page}</source>
      <translation>, страница {page}</translation>
    </message>
    <message>
      <source>2022, 2022-09 or 2022-09-14</source>
      <translation>2022, 2022-09 или 2022-09-14</translation>
    </message>
    <message>
      <source>51 or 25–50</source>
      <translation>51 или 25–50</translation>
    </message>
    <message>
      <source>A fact about an entity</source>
      <translation>Факт об объекте</translation>
    </message>
    <message>
      <source>A relationship needs two different entities.</source>
      <translation>Для отношения нужны два разных объекта.</translation>
    </message>
    <message>
      <source>Attach to an existing link</source>
      <translation>Привязать к существующей связи</translation>
    </message>
    <message>
      <source>Characters {start}–{end} of “{title}”</source>
      <translation>Символы {start}–{end} в «{title}»</translation>
    </message>
    <message>
      <source>Choose both entities of the relationship.</source>
      <translation>Выберите оба объекта отношения.</translation>
    </message>
    <message>
      <source>Choose the entity the fact is about.</source>
      <translation>Выберите объект, о котором этот факт.</translation>
    </message>
    <message>
      <source>Claim</source>
      <translation>Утверждение</translation>
    </message>
    <message>
      <source>Create Claim</source>
      <translation>Создать утверждение</translation>
    </message>
    <message>
      <source>Creates a relationship</source>
      <translation>Создаёт отношение</translation>
    </message>
    <message>
      <source>Credibility of the information</source>
      <translation>Достоверность информации</translation>
    </message>
    <message>
      <source>Currency</source>
      <translation>Валюта</translation>
    </message>
    <message>
      <source>Exact percentage (51), a range (25–50), or blank when the share is unknown</source>
      <translation>Точный процент (51), диапазон (25–50) или пусто, если доля неизвестна</translation>
    </message>
    <message>
      <source>Excerpt</source>
      <translation>Выдержка</translation>
    </message>
    <message>
      <source>From entity</source>
      <translation>От объекта</translation>
    </message>
    <message>
      <source>From:</source>
      <translation>От:</translation>
    </message>
    <message>
      <source>Grade:</source>
      <translation>Оценка:</translation>
    </message>
    <message>
      <source>New Claim</source>
      <translation>Новое утверждение</translation>
    </message>
    <message>
      <source>New claim</source>
      <translation>Новое утверждение</translation>
    </message>
    <message>
      <source>Nothing yet</source>
      <translation>Пока ничего</translation>
    </message>
    <message>
      <source>RUB</source>
      <translation>RUB</translation>
    </message>
    <message>
      <source>Reliability of the source</source>
      <translation>Надёжность источника</translation>
    </message>
    <message>
      <source>S&amp;ource:</source>
      <translation>И&amp;сточник:</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>С&amp;татус:</translation>
    </message>
    <message>
      <source>Share / value:</source>
      <translation>Доля / сумма:</translation>
    </message>
    <message>
      <source>Share in percent</source>
      <translation>Доля в процентах</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>С</translation>
    </message>
    <message>
      <source>Since:</source>
      <translation>С:</translation>
    </message>
    <message>
      <source>Source's grade ({grade})</source>
      <translation>Оценка источника ({grade})</translation>
    </message>
    <message>
      <source>Supports or contradicts</source>
      <translation>Подтверждает или опровергает</translation>
    </message>
    <message>
      <source>Swap the two entities</source>
      <translation>Поменять объекты местами</translation>
    </message>
    <message>
      <source>T&amp;o:</source>
      <translation>К&amp;ому:</translation>
    </message>
    <message>
      <source>T&amp;ype:</source>
      <translation>Т&amp;ип:</translation>
    </message>
    <message>
      <source>The case already has: {link}. To add this passage as further evidence for it, choose “Attach to an existing link”.</source>
      <translation>В деле уже есть: {link}. Чтобы добавить этот фрагмент как ещё одно доказательство, выберите «Привязать к существующей связи».</translation>
    </message>
    <message>
      <source>The claim is kept; attach it later in the Claims pane.</source>
      <translation>Утверждение сохранено; привяжите его позже на панели «Утверждения».</translation>
    </message>
    <message>
      <source>There is no link to attach the claim to.</source>
      <translation>Нет связи, к которой можно привязать утверждение.</translation>
    </message>
    <message>
      <source>Until</source>
      <translation>До</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Значение</translation>
    </message>
    <message>
      <source>What it establishes</source>
      <translation>Что оно устанавливает</translation>
    </message>
    <message>
      <source>What the passage asserts, in your words</source>
      <translation>Что утверждает фрагмент, своими словами</translation>
    </message>
    <message>
      <source>Who speaks (pick or type a new one)</source>
      <translation>Кто говорит (выберите или введите новый)</translation>
    </message>
    <message>
      <source>until</source>
      <translation>до</translation>
    </message>
    <message>
      <source>value, e.g. 6.2 bn</source>
      <translation>сумма, например 6.2 bn</translation>
    </message>
  </context>
  <context>
    <name>OcrLanguagesDialog</name>
    <message>
      <source>Not installed: apt-get install tesseract-ocr-{code}</source>
      <translation>Не установлен: apt-get install tesseract-ocr-{code}</translation>
    </message>
    <message>
      <source>OCR Languages</source>
      <translation>Языки распознавания</translation>
    </message>
    <message>
      <source>OCR is not installed: scanned pages cannot be read. Install Tesseract (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus …) and reopen this dialog.</source>
      <translation>Распознавание текста не установлено: отсканированные страницы прочитать нельзя. Установите Tesseract (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus …) и откройте этот диалог снова.</translation>
    </message>
    <message>
      <source>Scans added from now on are read in the languages ticked (more languages: slower, sometimes less accurate).</source>
      <translation>Сканы, добавленные с этого момента, распознаются на отмеченных языках (чем больше языков, тем медленнее и иногда менее точно).</translation>
    </message>
  </context>
  <context>
    <name>PageSide</name>
    <message>
      <source>Export Original File</source>
      <translation>Экспорт исходного файла</translation>
    </message>
    <message>
      <source>QtPdf could not read it</source>
      <translation>QtPdf не смог его прочитать</translation>
    </message>
  </context>
  <context>
    <name>PairsModel</name>
    <message>
      <source>1 link</source>
      <translation>связей: 1</translation>
    </message>
    <message>
      <source>Judged by</source>
      <translation>Кто решил</translation>
    </message>
    <message>
      <source>Our entity</source>
      <translation>Наш объект</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Сходство</translation>
    </message>
    <message>
      <source>Their entity</source>
      <translation>Их объект</translation>
    </message>
    <message>
      <source>Why / identifiers</source>
      <translation>Почему / идентификаторы</translation>
    </message>
    <message>
      <source>ours: {ids}</source>
      <translation>наши: {ids}</translation>
    </message>
    <message>
      <source>same </source>
      <translation>совпадает: </translation>
    </message>
    <message>
      <source>similar names</source>
      <translation>похожие имена</translation>
    </message>
    <message>
      <source>theirs: {ids}</source>
      <translation>их: {ids}</translation>
    </message>
    <message>
      <source>{n} links</source>
      <translation>связей: {n}</translation>
    </message>
  </context>
  <context>
    <name>Panes</name>
    <message>
      <source>Claims</source>
      <translation>Утверждения</translation>
    </message>
    <message>
      <source>Control chain</source>
      <translation>Цепочка контроля</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Документы</translation>
    </message>
    <message>
      <source>Entities</source>
      <translation>Объекты</translation>
    </message>
    <message>
      <source>Network</source>
      <translation>Сеть</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Хронология</translation>
    </message>
  </context>
  <context>
    <name>PdfPageView</name>
    <message>
      <source>Checking the file before showing its pages…</source>
      <translation>Проверка файла перед показом страниц…</translation>
    </message>
    <message>
      <source>Export Original File…</source>
      <translation>Экспорт исходного файла…</translation>
    </message>
    <message>
      <source>This file could not be rendered safely: {reason}.
Its text (if any) is in Text; its original bytes are kept unchanged.
SHA-256 {sha256}</source>
      <translation>Этот файл не удалось безопасно отобразить: {reason}.
Его текст (если есть) — во вкладке «Текст»; исходные байты сохранены без изменений.
SHA-256 {sha256}</translation>
    </message>
  </context>
  <context>
    <name>PreferencesDialog</name>
    <message>
      <source>&amp;E-mail:</source>
      <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Язык:</translation>
    </message>
    <message>
      <source>&amp;Marking of new cases:</source>
      <translation>&amp;Гриф новых дел:</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Имя:</translation>
    </message>
    <message>
      <source>&amp;Organisation:</source>
      <translation>&amp;Организация:</translation>
    </message>
    <message>
      <source>&amp;Theme:</source>
      <translation>&amp;Тема:</translation>
    </message>
    <message>
      <source>A new language applies at the next start.</source>
      <translation>Новый язык применится при следующем запуске.</translation>
    </message>
    <message>
      <source>Every claim, judgement and summary you make names you. Colleagues who merge your case file see it too.</source>
      <translation>Каждое ваше утверждение, решение и сводка подписаны вашим именем. Коллеги, которые сольют ваш файл дела, тоже это увидят.</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>Параметры</translation>
    </message>
    <message>
      <source>Signing key:</source>
      <translation>Ключ подписи:</translation>
    </message>
    <message>
      <source>Summaries are &amp;as of:</source>
      <translation>Сводки &amp;на дату:</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>Как в системе</translation>
    </message>
    <message>
      <source>Welcome — who are you?</source>
      <translation>Добро пожаловать! Кто вы?</translation>
    </message>
    <message>
      <source>Who you are</source>
      <translation>Кто вы</translation>
    </message>
    <message>
      <source>Working</source>
      <translation>Работа</translation>
    </message>
    <message>
      <source>optional</source>
      <translation>необязательно</translation>
    </message>
    <message>
      <source>the signing key could not be read</source>
      <translation>не удалось прочитать ключ подписи</translation>
    </message>
  </context>
  <context>
    <name>Progress</name>
    <message>
      <source>Adding links</source>
      <translation>Добавление связей</translation>
    </message>
    <message>
      <source>Building the chart</source>
      <translation>Построение схемы</translation>
    </message>
    <message>
      <source>Building the graph</source>
      <translation>Построение графа</translation>
    </message>
    <message>
      <source>Checking custody</source>
      <translation>Проверка цепочки хранения</translation>
    </message>
    <message>
      <source>Checking the file's integrity</source>
      <translation>Проверка целостности файла</translation>
    </message>
    <message>
      <source>Checking the search index</source>
      <translation>Проверка поискового индекса</translation>
    </message>
    <message>
      <source>Claims</source>
      <translation>Утверждения</translation>
    </message>
    <message>
      <source>Collecting ownership and control</source>
      <translation>Сбор владения и контроля</translation>
    </message>
    <message>
      <source>Control chain</source>
      <translation>Цепочка контроля</translation>
    </message>
    <message>
      <source>Counts</source>
      <translation>Подсчёт</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Готово</translation>
    </message>
    <message>
      <source>Folding matched entities</source>
      <translation>Объединение совпавших объектов</translation>
    </message>
    <message>
      <source>Grouping claims</source>
      <translation>Группировка утверждений</translation>
    </message>
    <message>
      <source>Identity</source>
      <translation>Идентификация</translation>
    </message>
    <message>
      <source>Links</source>
      <translation>Связи</translation>
    </message>
    <message>
      <source>Matching entities</source>
      <translation>Сопоставление объектов</translation>
    </message>
    <message>
      <source>Re-hashing document bytes</source>
      <translation>Пересчёт хешей документов</translation>
    </message>
    <message>
      <source>Reading the other case</source>
      <translation>Чтение другого дела</translation>
    </message>
    <message>
      <source>Reading this case</source>
      <translation>Чтение этого дела</translation>
    </message>
    <message>
      <source>Replaying the audit log</source>
      <translation>Воспроизведение журнала аудита</translation>
    </message>
    <message>
      <source>Source annex</source>
      <translation>Приложение: источники</translation>
    </message>
    <message>
      <source>Writing ANX</source>
      <translation>Запись ANX</translation>
    </message>
    <message>
      <source>Writing GEXF</source>
      <translation>Запись GEXF</translation>
    </message>
    <message>
      <source>Writing GraphML</source>
      <translation>Запись GraphML</translation>
    </message>
    <message>
      <source>Writing claims</source>
      <translation>Запись утверждений</translation>
    </message>
    <message>
      <source>Writing entities</source>
      <translation>Запись объектов</translation>
    </message>
    <message>
      <source>Writing links</source>
      <translation>Запись связей</translation>
    </message>
    <message>
      <source>Writing statements</source>
      <translation>Запись заявлений BODS</translation>
    </message>
  </context>
  <context>
    <name>PropertiesModel</name>
    <message>
      <source>Property</source>
      <translation>Свойство</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Значение</translation>
    </message>
  </context>
  <context>
    <name>Provenance</name>
    <message>
      <source> (made by {who})</source>
      <translation> (сделал(а): {who})</translation>
    </message>
    <message>
      <source> by {who}</source>
      <translation> ({who})</translation>
    </message>
    <message>
      <source>, merged {date}</source>
      <translation>, объединено {date}</translation>
    </message>
    <message>
      <source>DISPUTED — stakes differ: {ours} here</source>
      <translation>ОСПОРЕНО — доли расходятся: здесь {ours}</translation>
    </message>
    <message>
      <source>Link {whose}</source>
      <translation>Связь {whose}</translation>
    </message>
    <message>
      <source>UNSOURCED: no claim supports this link</source>
      <translation>БЕЗ ИСТОЧНИКА: ни одно утверждение не подтверждает эту связь</translation>
    </message>
    <message>
      <source>a colleague</source>
      <translation>коллега</translation>
    </message>
    <message>
      <source>added {date}</source>
      <translation>добавлено {date}</translation>
    </message>
    <message>
      <source>author not recorded</source>
      <translation>автор не записан</translation>
    </message>
    <message>
      <source>by {who}</source>
      <translation>автор: {who}</translation>
    </message>
    <message>
      <source>case “{name}”</source>
      <translation>дело «{name}»</translation>
    </message>
    <message>
      <source>from {case}</source>
      <translation>из {case}</translation>
    </message>
    <message>
      <source>from {who}'s '{case}'</source>
      <translation>из дела «{case}» ({who})</translation>
    </message>
    <message>
      <source>merged {date}</source>
      <translation>объединено {date}</translation>
    </message>
    <message>
      <source>this case (“{name}”)</source>
      <translation>это дело («{name}»)</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>неизвестно</translation>
    </message>
    <message>
      <source>you</source>
      <translation>вы</translation>
    </message>
  </context>
  <context>
    <name>Report</name>
    <message>
      <source>About</source>
      <translation>О чём</translation>
    </message>
    <message>
      <source>Aliases</source>
      <translation>Псевдонимы</translation>
    </message>
    <message>
      <source>All links, whatever their dates.</source>
      <translation>Все связи, независимо от их дат.</translation>
    </message>
    <message>
      <source>And more paths, through circular holdings (not counted).</source>
      <translation>И другие пути — через круговые владения (не подсчитаны).</translation>
    </message>
    <message>
      <source>And {n} more paths.</source>
      <translation>И ещё путей: {n}.</translation>
    </message>
    <message>
      <source>Arrow</source>
      <translation>Стрелка</translation>
    </message>
    <message>
      <source>Arrows run from owner to owned; each is numbered below. Solid: supported by a claim; dashed: unsourced; red: disputed. Dark outline: controls {name}.</source>
      <translation>Стрелки идут от владельца к тому, чем он владеет; каждая пронумерована ниже. Сплошная: подтверждена утверждением; штриховая: без источника; красная: оспорено. Тёмный контур: контролирует {name}.</translation>
    </message>
    <message>
      <source>Audit chain head</source>
      <translation>Вершина цепочки аудита</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Автор</translation>
    </message>
    <message>
      <source>By:</source>
      <translation>Автор:</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Дело</translation>
    </message>
    <message>
      <source>Case File Explorer {version}</source>
      <translation>Case File Explorer {version}</translation>
    </message>
    <message>
      <source>Case author</source>
      <translation>Автор дела</translation>
    </message>
    <message>
      <source>Case created</source>
      <translation>Дело создано</translation>
    </message>
    <message>
      <source>Case file</source>
      <translation>Файл дела</translation>
    </message>
    <message>
      <source>Case file SHA-256</source>
      <translation>SHA-256 файла дела</translation>
    </message>
    <message>
      <source>Case id</source>
      <translation>Идентификатор дела</translation>
    </message>
    <message>
      <source>Case summary</source>
      <translation>Сводка по делу</translation>
    </message>
    <message>
      <source>Case summary of {name}, facts as of {as_of}</source>
      <translation>Сводка по делу {name}, факты на {as_of}</translation>
    </message>
    <message>
      <source>Claims about its facts</source>
      <translation>Утверждения о его фактах</translation>
    </message>
    <message>
      <source>Claims by what they support</source>
      <translation>Утверждения по тому, что они подтверждают</translation>
    </message>
    <message>
      <source>Claims not attached</source>
      <translation>Утверждения без привязки</translation>
    </message>
    <message>
      <source>Control chain</source>
      <translation>Цепочка контроля</translation>
    </message>
    <message>
      <source>Counterpart</source>
      <translation>Контрагент</translation>
    </message>
    <message>
      <source>Created</source>
      <translation>Создано</translation>
    </message>
    <message>
      <source>DISPUTED</source>
      <translation>ОСПОРЕНО</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Даты</translation>
    </message>
    <message>
      <source>Different stakes are stated for the same link; the claims behind them are marked disputed until the investigator resolves them.</source>
      <translation>Для одной и той же связи указаны разные доли; утверждения, на которых они основаны, помечены как оспоренные, пока расследователь не разрешит спор.</translation>
    </message>
    <message>
      <source>Disputed and refuted claims</source>
      <translation>Оспоренные и опровергнутые утверждения</translation>
    </message>
    <message>
      <source>Disputed claims</source>
      <translation>Оспоренные утверждения</translation>
    </message>
    <message>
      <source>Each relationship, fact or event in bold, followed by the claims that support or contradict it.</source>
      <translation>Каждое отношение, факт или событие выделено жирным; за ним следуют утверждения, которые его подтверждают или опровергают.</translation>
    </message>
    <message>
      <source>Effective share</source>
      <translation>Эффективная доля</translation>
    </message>
    <message>
      <source>Entity</source>
      <translation>Объект</translation>
    </message>
    <message>
      <source>Event: {title}</source>
      <translation>Событие: {title}</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>События</translation>
    </message>
    <message>
      <source>Every relationship is supported by at least one claim.</source>
      <translation>Каждое отношение подтверждено хотя бы одним утверждением.</translation>
    </message>
    <message>
      <source>Every statement is followed by numbered citations such as [1]. Each number refers to one entry of the source annex, which quotes the excerpt verbatim with its position, grade and the SHA-256 of the document it comes from. Grades follow the Admiralty scale: source reliability A–F, information credibility 1–6. A link no claim supports is marked UNSOURCED. The case file SHA-256 above identifies the exact file this summary was printed from; the audit chain head (row:hash) lets “casefile check --expect-head” prove a later copy still continues the history printed here.</source>
      <translation>За каждым утверждением следуют нумерованные ссылки вида [1]. Каждый номер отсылает к записи приложения об источниках, где выдержка приведена дословно с её позицией, оценкой и SHA-256 документа, из которого она взята. Оценки даны по шкале Адмиралтейства: надёжность источника A–F, достоверность информации 1–6. Связь, не подтверждённая ни одним утверждением, помечена «БЕЗ ИСТОЧНИКА». SHA-256 файла дела выше указывает на тот самый файл, из которого напечатана эта сводка; вершина цепочки аудита (строка:хеш) позволяет командой «casefile check --expect-head» доказать, что более поздняя копия продолжает напечатанную здесь историю.</translation>
    </message>
    <message>
      <source>Evidence</source>
      <translation>Доказательства</translation>
    </message>
    <message>
      <source>Evidence summary</source>
      <translation>Сводка доказательств</translation>
    </message>
    <message>
      <source>Evidence summary of {name} ({schema}), facts as of {as_of}</source>
      <translation>Сводка доказательств: {name} ({schema}), факты на {as_of}</translation>
    </message>
    <message>
      <source>Fact</source>
      <translation>Факт</translation>
    </message>
    <message>
      <source>Facts about entities</source>
      <translation>Факты об объектах</translation>
    </message>
    <message>
      <source>Facts as of</source>
      <translation>Факты на дату</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Файл</translation>
    </message>
    <message>
      <source>From</source>
      <translation>От</translation>
    </message>
    <message>
      <source>Generated</source>
      <translation>Сформировано</translation>
    </message>
    <message>
      <source>Generated by</source>
      <translation>Сформировано программой</translation>
    </message>
    <message>
      <source>Generated {when} · v{version}</source>
      <translation>Сформировано {when} · v{version}</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Оценка</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>Доля владения</translation>
    </message>
    <message>
      <source>Holder</source>
      <translation>Владелец доли</translation>
    </message>
    <message>
      <source>Identity</source>
      <translation>Идентификация</translation>
    </message>
    <message>
      <source>Key entities</source>
      <translation>Ключевые объекты</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Связь</translation>
    </message>
    <message>
      <source>Links in force on {date}.</source>
      <translation>Связи, действующие на {date}.</translation>
    </message>
    <message>
      <source>Names</source>
      <translation>Имена</translation>
    </message>
    <message>
      <source>No claim is marked disputed or refuted.</source>
      <translation>Ни одно утверждение не помечено как оспоренное или опровергнутое.</translation>
    </message>
    <message>
      <source>No claim supports these links. They are the investigator's assertions until a source is attached.</source>
      <translation>Эти связи не подтверждены ни одним утверждением. Пока к ним не привязан источник, это лишь мнение расследователя.</translation>
    </message>
    <message>
      <source>No owner is shown to control {name} with certainty.</source>
      <translation>Ни один владелец достоверно не контролирует {name}.</translation>
    </message>
    <message>
      <source>No owners or controllers of {name} are recorded in the case.</source>
      <translation>Владельцы или контролирующие лица {name} в деле не записаны.</translation>
    </message>
    <message>
      <source>No relationships are recorded in the case.</source>
      <translation>В деле не записано ни одного отношения.</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>№</translation>
    </message>
    <message>
      <source>Nothing is cited.</source>
      <translation>Ссылок нет.</translation>
    </message>
    <message>
      <source>Open conflicts</source>
      <translation>Неразрешённые расхождения</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Владелец</translation>
    </message>
    <message>
      <source>Page {n} of {m}</source>
      <translation>Страница {n} из {m}</translation>
    </message>
    <message>
      <source>Partial: the paths of {n} more owners are not listed — the search for paths stopped at its time limit.</source>
      <translation>Неполно: пути ещё {n} владельцев не перечислены — поиск путей остановлен по лимиту времени.</translation>
    </message>
    <message>
      <source>Partial: the search for paths stopped at its time limit; more may exist.</source>
      <translation>Неполно: поиск путей остановлен по лимиту времени; могут быть и другие.</translation>
    </message>
    <message>
      <source>Path</source>
      <translation>Путь</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>Позиция</translation>
    </message>
    <message>
      <source>Positions count the characters of the document's stored text from 1, both ends included.</source>
      <translation>Позиции отсчитывают символы сохранённого текста документа с 1, оба конца включительно.</translation>
    </message>
    <message>
      <source>Prepared by</source>
      <translation>Подготовил</translation>
    </message>
    <message>
      <source>Printing page {n} of {m}</source>
      <translation>Печать страницы {n} из {m}</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Опубликовано</translation>
    </message>
    <message>
      <source>Quoted source</source>
      <translation>Цитируемый источник</translation>
    </message>
    <message>
      <source>Read each row as: {name} — relationship — counterpart.</source>
      <translation>Читайте каждую строку так: {name} — отношение — контрагент.</translation>
    </message>
    <message>
      <source>Relationship</source>
      <translation>Отношение</translation>
    </message>
    <message>
      <source>Relationships</source>
      <translation>Отношения</translation>
    </message>
    <message>
      <source>Retrieved</source>
      <translation>Получено</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Роль</translation>
    </message>
    <message>
      <source>SHA-256</source>
      <translation>SHA-256</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>Доля</translation>
    </message>
    <message>
      <source>Share, dates</source>
      <translation>Доля, даты</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Источник</translation>
    </message>
    <message>
      <source>Source annex</source>
      <translation>Приложение: источники</translation>
    </message>
    <message>
      <source>Source reliability</source>
      <translation>Надёжность источника</translation>
    </message>
    <message>
      <source>Stakes stated</source>
      <translation>Указанные доли</translation>
    </message>
    <message>
      <source>Statement</source>
      <translation>Формулировка</translation>
    </message>
    <message>
      <source>Statement:</source>
      <translation>Формулировка:</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Статус</translation>
    </message>
    <message>
      <source>Steps of the chain</source>
      <translation>Шаги цепочки</translation>
    </message>
    <message>
      <source>The entities with the most relationships in the case.</source>
      <translation>Объекты дела с наибольшим числом отношений.</translation>
    </message>
    <message>
      <source>The figure shows the chain's first owners; {n} more are listed below, not drawn.</source>
      <translation>На рисунке — первые владельцы цепочки; ещё {n} перечислены ниже, но не нарисованы.</translation>
    </message>
    <message>
      <source>To</source>
      <translation>К</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>UNSOURCED</source>
      <translation>БЕЗ ИСТОЧНИКА</translation>
    </message>
    <message>
      <source>URL</source>
      <translation>URL</translation>
    </message>
    <message>
      <source>Ultimate controller: {names}</source>
      <translation>Конечный контролирующий: {names}</translation>
    </message>
    <message>
      <source>Unsourced relationships</source>
      <translation>Отношения без источника</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Значение</translation>
    </message>
    <message>
      <source>about the entity</source>
      <translation>об объекте в целом</translation>
    </message>
    <message>
      <source>as recorded in this case</source>
      <translation>как записано в этом деле</translation>
    </message>
    <message>
      <source>as recorded, no claim</source>
      <translation>как записано, без утверждения</translation>
    </message>
    <message>
      <source>cannot write to the printer or file</source>
      <translation>не удаётся записать на принтер или в файл</translation>
    </message>
    <message>
      <source>contradicted by</source>
      <translation>опровергается</translation>
    </message>
    <message>
      <source>contradicts</source>
      <translation>опровергает</translation>
    </message>
    <message>
      <source>controls</source>
      <translation>контролирует</translation>
    </message>
    <message>
      <source>direct</source>
      <translation>прямое</translation>
    </message>
    <message>
      <source>every date</source>
      <translation>любая дата</translation>
    </message>
    <message>
      <source>every date (links are shown whatever their dates)</source>
      <translation>любая дата (связи показаны независимо от их дат)</translation>
    </message>
    <message>
      <source>from “{case}”</source>
      <translation>из «{case}»</translation>
    </message>
    <message>
      <source>indirect</source>
      <translation>косвенное</translation>
    </message>
    <message>
      <source>none</source>
      <translation>нет</translation>
    </message>
    <message>
      <source>none recorded</source>
      <translation>не записаны</translation>
    </message>
    <message>
      <source>not recorded</source>
      <translation>не записано</translation>
    </message>
    <message>
      <source>sourced</source>
      <translation>с источником</translation>
    </message>
    <message>
      <source>supports</source>
      <translation>подтверждает</translation>
    </message>
    <message>
      <source>the passage on its page</source>
      <translation>фрагмент на его странице</translation>
    </message>
    <message>
      <source>ultimate owner</source>
      <translation>конечный владелец</translation>
    </message>
    <message>
      <source>{name} (general)</source>
      <translation>{name} (в целом)</translation>
    </message>
    <message>
      <source>{n} unsourced step(s)</source>
      <translation>шагов без источника: {n}</translation>
    </message>
  </context>
  <context>
    <name>Reporting</name>
    <message>
      <source>Evidence summary</source>
      <translation>Сводка доказательств</translation>
    </message>
    <message>
      <source>Export Summary as PDF</source>
      <translation>Экспорт сводки в PDF</translation>
    </message>
    <message>
      <source>Exporting the evidence summary…</source>
      <translation>Экспорт сводки доказательств…</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Preparing the evidence summary…</source>
      <translation>Подготовка сводки доказательств…</translation>
    </message>
    <message>
      <source>Print Preview — {title}</source>
      <translation>Предпросмотр печати — {title}</translation>
    </message>
    <message>
      <source>Print — {title}</source>
      <translation>Печать — {title}</translation>
    </message>
    <message>
      <source>Printed {n} pages</source>
      <translation>Напечатано страниц: {n}</translation>
    </message>
    <message>
      <source>Saved {n}-page summary to {path}</source>
      <translation>Сводка (страниц: {n}) сохранена в {path}</translation>
    </message>
  </context>
  <context>
    <name>Review</name>
    <message>
      <source>Select two entities (Ctrl+click) to find the paths between them.</source>
      <translation>Выберите два объекта (щелчок с Ctrl), чтобы найти пути между ними.</translation>
    </message>
  </context>
  <context>
    <name>SearchDialog</name>
    <message>
      <source>Results</source>
      <translation>Результаты</translation>
    </message>
    <message>
      <source>Search entities, documents and claims…</source>
      <translation>Поиск по объектам, документам и утверждениям…</translation>
    </message>
    <message>
      <source>Search everything</source>
      <translation>Поиск везде</translation>
    </message>
    <message>
      <source>Search for</source>
      <translation>Что искать</translation>
    </message>
  </context>
  <context>
    <name>SearchResultModel</name>
    <message>
      <source>Claim</source>
      <translation>Утверждение</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Документ</translation>
    </message>
    <message>
      <source>Entity</source>
      <translation>Объект</translation>
    </message>
  </context>
  <context>
    <name>Sharing</name>
    <message>
      <source>BODS (*.json *.jsonl)</source>
      <translation>BODS (*.json *.jsonl)</translation>
    </message>
    <message>
      <source>BODS 0.4 statements (*.json)</source>
      <translation>Заявления BODS 0.4 (*.json)</translation>
    </message>
    <message>
      <source>CSV (*.csv *.tsv)</source>
      <translation>CSV (*.csv *.tsv)</translation>
    </message>
    <message>
      <source>CSV tables, zipped (*.zip)</source>
      <translation>Таблицы CSV в архиве (*.zip)</translation>
    </message>
    <message>
      <source>Case files (*.casefile)</source>
      <translation>Файлы дел (*.casefile)</translation>
    </message>
    <message>
      <source>Data files (*.ijson *.jsonl *.json *.csv *.xlsx *.graphml *.gexf *.mtgx *.casefile)</source>
      <translation>Файлы данных (*.ijson *.jsonl *.json *.csv *.xlsx *.graphml *.gexf *.mtgx *.casefile)</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx)</source>
      <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Экспорт</translation>
    </message>
    <message>
      <source>Exported {counts} to {name}</source>
      <translation>Экспортировано {counts} в {name}</translation>
    </message>
    <message>
      <source>Exporting</source>
      <translation>Экспорт</translation>
    </message>
    <message>
      <source>FollowTheMoney (*.ijson *.jsonl *.json)</source>
      <translation>FollowTheMoney (*.ijson *.jsonl *.json)</translation>
    </message>
    <message>
      <source>FollowTheMoney JSON lines (*.ijson)</source>
      <translation>FollowTheMoney, строки JSON (*.ijson)</translation>
    </message>
    <message>
      <source>GEXF (*.gexf)</source>
      <translation>GEXF (*.gexf)</translation>
    </message>
    <message>
      <source>GraphML (*.graphml)</source>
      <translation>GraphML (*.graphml)</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Импорт</translation>
    </message>
    <message>
      <source>Import cancelled; nothing was changed.</source>
      <translation>Импорт отменён; ничего не изменено.</translation>
    </message>
    <message>
      <source>Importing {name}</source>
      <translation>Импорт {name}</translation>
    </message>
    <message>
      <source>Maltego (*.mtgx)</source>
      <translation>Maltego (*.mtgx)</translation>
    </message>
    <message>
      <source>Merge Case File</source>
      <translation>Слияние с файлом дела</translation>
    </message>
    <message>
      <source>Merge cancelled; nothing was changed.</source>
      <translation>Слияние отменено; ничего не изменено.</translation>
    </message>
    <message>
      <source>Merged {name}: added {added}</source>
      <translation>Слияние с {name}: добавлено {added}</translation>
    </message>
    <message>
      <source>Merging {name}</source>
      <translation>Слияние с {name}</translation>
    </message>
    <message>
      <source>Reading {name}</source>
      <translation>Чтение {name}</translation>
    </message>
    <message>
      <source>i2 Analyst's Notebook import (*.anx)</source>
      <translation>Импорт i2 Analyst's Notebook (*.anx)</translation>
    </message>
    <message>
      <source>nothing new</source>
      <translation>ничего нового</translation>
    </message>
    <message>
      <source>{name} is {size} MB: it is imported without a preview, in chunks, so that memory stays bounded. Import it?</source>
      <translation>{name} занимает {size} МБ: он импортируется без предпросмотра, частями, чтобы не переполнить память. Импортировать?</translation>
    </message>
  </context>
  <context>
    <name>ShortcutTableModel</name>
    <message>
      <source>Action</source>
      <translation>Действие</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Клавиши</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <source>Go to pane: {name}</source>
      <translation>Перейти к панели: {name}</translation>
    </message>
    <message>
      <source>Keyboard Shortcuts</source>
      <translation>Сочетания клавиш</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Сочетания клавиш</translation>
    </message>
  </context>
  <context>
    <name>SummaryOptionsDialog</name>
    <message>
      <source>An entity (select one first)</source>
      <translation>Объект (сначала выберите его)</translation>
    </message>
    <message>
      <source>Every date (links whatever their dates)</source>
      <translation>Любая дата (связи независимо от их дат)</translation>
    </message>
    <message>
      <source>Evidence summary</source>
      <translation>Сводка доказательств</translation>
    </message>
    <message>
      <source>Facts &amp;as of:</source>
      <translation>Факты &amp;на дату:</translation>
    </message>
    <message>
      <source>Summary of:</source>
      <translation>Сводка по:</translation>
    </message>
    <message>
      <source>The whole case</source>
      <translation>Всему делу</translation>
    </message>
    <message>
      <source>This entity: {name}</source>
      <translation>Этому объекту: {name}</translation>
    </message>
  </context>
  <context>
    <name>TimelineKeys</name>
    <message>
      <source>Event</source>
      <translation>Событие</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Связь</translation>
    </message>
    <message>
      <source>Move back / forward in time</source>
      <translation>Назад / вперёд во времени</translation>
    </message>
    <message>
      <source>Move the “as of” date a month</source>
      <translation>Сдвинуть дату «на» на месяц</translation>
    </message>
    <message>
      <source>Next / previous event or link</source>
      <translation>Следующее / предыдущее событие или связь</translation>
    </message>
    <message>
      <source>Scroll the lanes</source>
      <translation>Прокрутить дорожки</translation>
    </message>
    <message>
      <source>Select the event or link</source>
      <translation>Выбрать событие или связь</translation>
    </message>
    <message>
      <source>Set the “as of” date to the event or link</source>
      <translation>Поставить дату «на» по событию или связи</translation>
    </message>
    <message>
      <source>Show the whole time span</source>
      <translation>Показать весь период</translation>
    </message>
    <message>
      <source>UNSOURCED</source>
      <translation>БЕЗ ИСТОЧНИКА</translation>
    </message>
    <message>
      <source>Zoom in / out</source>
      <translation>Приблизить / отдалить</translation>
    </message>
  </context>
  <context>
    <name>TimelineModel</name>
    <message>
      <source>date not stated</source>
      <translation>дата не указана</translation>
    </message>
  </context>
  <context>
    <name>TimelinePane</name>
    <message>
      <source>Clear date</source>
      <translation>Сбросить дату</translation>
    </message>
    <message>
      <source>Date not stated:</source>
      <translation>Дата не указана:</translation>
    </message>
    <message>
      <source>Events and links with no date</source>
      <translation>События и связи без даты</translation>
    </message>
    <message>
      <source>Forget the “as of” date: count every link</source>
      <translation>Забыть дату «на»: учитывать все связи</translation>
    </message>
    <message>
      <source>Loading the timeline</source>
      <translation>Загрузка хронологии</translation>
    </message>
    <message>
      <source>More items below</source>
      <translation>Ниже есть ещё</translation>
    </message>
    <message>
      <source>Show every event and dated link, not only those of the selected entity</source>
      <translation>Показывать все события и датированные связи, а не только выбранного объекта</translation>
    </message>
    <message>
      <source>Tab: next event or link · Enter: select · arrows: move in time · + / -: zoom (F1: all keys)</source>
      <translation>Tab: следующее событие или связь · Enter: выбрать · стрелки: по времени · + / -: масштаб (F1: все клавиши)</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Хронология</translation>
    </message>
    <message>
      <source>Timeline of events and dated links</source>
      <translation>Хронология событий и датированных связей</translation>
    </message>
    <message>
      <source>Timeline of the whole case</source>
      <translation>Хронология всего дела</translation>
    </message>
    <message>
      <source>Timeline of {name}</source>
      <translation>Хронология: {name}</translation>
    </message>
    <message>
      <source>Timeline — loading…</source>
      <translation>Хронология — загрузка…</translation>
    </message>
    <message>
      <source>Timeline — select an entity, or tick “Whole case”</source>
      <translation>Хронология — выберите объект или отметьте «Всё дело»</translation>
    </message>
    <message>
      <source>Whole case</source>
      <translation>Всё дело</translation>
    </message>
    <message>
      <source>any date</source>
      <translation>любая дата</translation>
    </message>
    <message>
      <source>as of {date}</source>
      <translation>на {date}</translation>
    </message>
    <message>
      <source>only the first {n} events and links shown</source>
      <translation>показаны только первые {n} событий и связей</translation>
    </message>
    <message>
      <source>{dated} dated, {undated} undated</source>
      <translation>с датой: {dated}, без даты: {undated}</translation>
    </message>
  </context>
  <context>
    <name>TimelinePlot</name>
    <message>
      <source>Drag to see the case as it stood on that day</source>
      <translation>Перетащите, чтобы увидеть дело на выбранный день</translation>
    </message>
    <message>
      <source>UNSOURCED</source>
      <translation>БЕЗ ИСТОЧНИКА</translation>
    </message>
    <message>
      <source>any date — drag to choose</source>
      <translation>любая дата — перетащите, чтобы выбрать</translation>
    </message>
    <message>
      <source>as of {date}</source>
      <translation>на {date}</translation>
    </message>
  </context>
  <context>
    <name>UnsourcedLinksModel</name>
    <message>
      <source>Dates</source>
      <translation>Даты</translation>
    </message>
    <message>
      <source>Share</source>
      <translation>Доля</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Тип</translation>
    </message>
    <message>
      <source>Unsourced link</source>
      <translation>Связь без источника</translation>
    </message>
  </context>
  <context>
    <name>VerificationBadge</name>
    <message>
      <source>File ▸ Verify Case… checks every row against its history</source>
      <translation>Файл ▸ Проверить дело… сверяет каждую строку с её историей</translation>
    </message>
    <message>
      <source>File ▸ Verify Case… lists them</source>
      <translation>Файл ▸ Проверить дело… покажет их список</translation>
    </message>
    <message>
      <source>Not verified</source>
      <translation>Не проверено</translation>
    </message>
    <message>
      <source>Not verified since last change</source>
      <translation>Не проверено после изменения</translation>
    </message>
    <message>
      <source>The case changed after it was verified</source>
      <translation>Дело изменилось после проверки</translation>
    </message>
    <message>
      <source>Verified at chain head {head}</source>
      <translation>Проверено на вершине цепочки {head}</translation>
    </message>
    <message>
      <source>⚠ Problems found ({n})</source>
      <translation>⚠ Найдены проблемы ({n})</translation>
    </message>
    <message>
      <source>✓ Verified</source>
      <translation>✓ Проверено</translation>
    </message>
  </context>
  <context>
    <name>VerifyCase</name>
    <message>
      <source>Audit chain</source>
      <translation>Журнал аудита</translation>
    </message>
    <message>
      <source>Audit rows replayed: {rows} · documents re-hashed: {docs} · chain head: {head} · {seconds:.1f} s</source>
      <translation>Воспроизведено записей журнала: {rows} · документов перепроверено: {docs} · вершина цепочки: {head} · {seconds:.1f} с</translation>
    </message>
    <message>
      <source>Changed after</source>
      <translation>Изменено после</translation>
    </message>
    <message>
      <source>Custody</source>
      <translation>Хранение</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Документ</translation>
    </message>
    <message>
      <source>Every row matches its recorded history; document bytes, excerpts, search index and signatures hold.</source>
      <translation>Каждая строка совпадает со своей историей; байты документов, выдержки, поисковый индекс и подписи в порядке.</translation>
    </message>
    <message>
      <source>File integrity</source>
      <translation>Целостность файла</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>Находки</translation>
    </message>
    <message>
      <source>History up to row</source>
      <translation>История до строки</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>Ключ</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Вид</translation>
    </message>
    <message>
      <source>On</source>
      <translation>Повод</translation>
    </message>
    <message>
      <source>Row differs from its history</source>
      <translation>Строка расходится с историей</translation>
    </message>
    <message>
      <source>Search index</source>
      <translation>Поисковый индекс</translation>
    </message>
    <message>
      <source>Signatures</source>
      <translation>Подписи</translation>
    </message>
    <message>
      <source>Signatures: who vouched for which point of the history</source>
      <translation>Подписи: кто за какую точку истории поручился</translation>
    </message>
    <message>
      <source>Signed by</source>
      <translation>Подписал</translation>
    </message>
    <message>
      <source>Verdict</source>
      <translation>Вердикт</translation>
    </message>
    <message>
      <source>Verification cancelled</source>
      <translation>Проверка отменена</translation>
    </message>
    <message>
      <source>Verify Case</source>
      <translation>Проверка дела</translation>
    </message>
    <message>
      <source>Verify Case — {file}</source>
      <translation>Проверка дела — {file}</translation>
    </message>
    <message>
      <source>Verifying the case…</source>
      <translation>Проверка дела…</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Что</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Когда</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>Где</translation>
    </message>
    <message>
      <source>none</source>
      <translation>нет</translation>
    </message>
    <message>
      <source>valid</source>
      <translation>действительна</translation>
    </message>
    <message>
      <source>{n} problems found: the case was changed outside the app, or its history was cut or rewritten.</source>
      <translation>Найдено проблем: {n}. Дело изменено вне программы, или его история обрезана или переписана.</translation>
    </message>
  </context>
  <context>
    <name>View</name>
    <message>
      <source>About Case File Explorer</source>
      <translation>О программе Case File Explorer</translation>
    </message>
    <message>
      <source>Case File Explorer {version}
Offline case files for investigators: entities, documents, quoted and graded claims, control chains, evidence summaries.</source>
      <translation>Case File Explorer {version}
Автономные файлы дел для расследователей: объекты, документы, цитируемые и оценённые утверждения, цепочки контроля, сводки доказательств.</translation>
    </message>
    <message>
      <source>You are {name}</source>
      <translation>Вы — {name}</translation>
    </message>
  </context>
  <context>
    <name>Wording</name>
    <message>
      <source>Completely reliable</source>
      <translation>Полностью надёжен</translation>
    </message>
    <message>
      <source>Confirmed by other sources</source>
      <translation>Подтверждено другими источниками</translation>
    </message>
    <message>
      <source>Doubtful</source>
      <translation>Сомнительно</translation>
    </message>
    <message>
      <source>Fairly reliable</source>
      <translation>Достаточно надёжен</translation>
    </message>
    <message>
      <source>INN</source>
      <translation>ИНН</translation>
    </message>
    <message>
      <source>Improbable</source>
      <translation>Маловероятно</translation>
    </message>
    <message>
      <source>LEI</source>
      <translation>LEI</translation>
    </message>
    <message>
      <source>Not usually reliable</source>
      <translation>Обычно ненадёжен</translation>
    </message>
    <message>
      <source>OGRN</source>
      <translation>ОГРН</translation>
    </message>
    <message>
      <source>Possibly true</source>
      <translation>Возможно, верно</translation>
    </message>
    <message>
      <source>Probably true</source>
      <translation>Вероятно, верно</translation>
    </message>
    <message>
      <source>Reliability cannot be judged</source>
      <translation>Надёжность оценить нельзя</translation>
    </message>
    <message>
      <source>Truth cannot be judged</source>
      <translation>Достоверность оценить нельзя</translation>
    </message>
    <message>
      <source>Unreliable</source>
      <translation>Ненадёжен</translation>
    </message>
    <message>
      <source>Usually reliable</source>
      <translation>Обычно надёжен</translation>
    </message>
    <message>
      <source>a share is a percentage (51), a range (25–50) or blank, not {text}</source>
      <translation>доля — это процент (51), диапазон (25–50) или пусто, а не {text}</translation>
    </message>
    <message>
      <source>a share is a percentage from 0 to 100, not {value}</source>
      <translation>доля — это процент от 0 до 100, а не {value}</translation>
    </message>
    <message>
      <source>address</source>
      <translation>адрес</translation>
    </message>
    <message>
      <source>alias</source>
      <translation>псевдоним</translation>
    </message>
    <message>
      <source>bn</source>
      <translation>млрд</translation>
    </message>
    <message>
      <source>born</source>
      <translation>дата рождения</translation>
    </message>
    <message>
      <source>characters {first}–{last}</source>
      <translation>символы {first}–{last}</translation>
    </message>
    <message>
      <source>contradicts</source>
      <translation>опровергает</translation>
    </message>
    <message>
      <source>corroborated</source>
      <translation>подтверждено</translation>
    </message>
    <message>
      <source>country</source>
      <translation>страна</translation>
    </message>
    <message>
      <source>dates not stated</source>
      <translation>даты не указаны</translation>
    </message>
    <message>
      <source>description</source>
      <translation>описание</translation>
    </message>
    <message>
      <source>disputed</source>
      <translation>оспорено</translation>
    </message>
    <message>
      <source>dissolved</source>
      <translation>ликвидировано</translation>
    </message>
    <message>
      <source>e-mail</source>
      <translation>эл. почта</translation>
    </message>
    <message>
      <source>from {start} to {end}</source>
      <translation>с {start} по {end}</translation>
    </message>
    <message>
      <source>incorporated</source>
      <translation>зарегистрировано</translation>
    </message>
    <message>
      <source>jurisdiction</source>
      <translation>юрисдикция</translation>
    </message>
    <message>
      <source>k</source>
      <translation>тыс.</translation>
    </message>
    <message>
      <source>legal form</source>
      <translation>правовая форма</translation>
    </message>
    <message>
      <source>m</source>
      <translation>млн</translation>
    </message>
    <message>
      <source>name</source>
      <translation>имя</translation>
    </message>
    <message>
      <source>nationality</source>
      <translation>гражданство</translation>
    </message>
    <message>
      <source>not an amount: {text} (e.g. 6.2 bn or 6200000000)</source>
      <translation>не сумма: {text} (например, 6.2 bn или 6200000000)</translation>
    </message>
    <message>
      <source>notes</source>
      <translation>примечания</translation>
    </message>
    <message>
      <source>of</source>
      <translation>в</translation>
    </message>
    <message>
      <source>page {page}, {where}</source>
      <translation>стр. {page}, {where}</translation>
    </message>
    <message>
      <source>phone</source>
      <translation>телефон</translation>
    </message>
    <message>
      <source>position</source>
      <translation>должность</translation>
    </message>
    <message>
      <source>previous name</source>
      <translation>прежнее название</translation>
    </message>
    <message>
      <source>refuted</source>
      <translation>опровергнуто</translation>
    </message>
    <message>
      <source>registration number</source>
      <translation>регистрационный номер</translation>
    </message>
    <message>
      <source>sector</source>
      <translation>отрасль</translation>
    </message>
    <message>
      <source>share range {low}–{high} runs backwards</source>
      <translation>диапазон доли {low}–{high} задан в обратном порядке</translation>
    </message>
    <message>
      <source>share unknown</source>
      <translation>доля неизвестна</translation>
    </message>
    <message>
      <source>since {date}</source>
      <translation>с {date}</translation>
    </message>
    <message>
      <source>source URL</source>
      <translation>URL источника</translation>
    </message>
    <message>
      <source>status</source>
      <translation>статус</translation>
    </message>
    <message>
      <source>summary</source>
      <translation>краткое описание</translation>
    </message>
    <message>
      <source>supports</source>
      <translation>подтверждает</translation>
    </message>
    <message>
      <source>tax number</source>
      <translation>налоговый номер</translation>
    </message>
    <message>
      <source>title</source>
      <translation>название</translation>
    </message>
    <message>
      <source>tn</source>
      <translation>трлн</translation>
    </message>
    <message>
      <source>until {date}</source>
      <translation>до {date}</translation>
    </message>
    <message>
      <source>unverified</source>
      <translation>не проверено</translation>
    </message>
    <message>
      <source>value not stated</source>
      <translation>стоимость не указана</translation>
    </message>
    <message>
      <source>website</source>
      <translation>сайт</translation>
    </message>
    <message>
      <source>{stance}: {what}</source>
      <translation>{stance}: {what}</translation>
    </message>
  </context>
  <context>
    <name>parent</name>
    <message>
      <source>Cancel</source>
      <translation>Отмена</translation>
    </message>
  </context>
  <context>
    <name>window</name>
    <message>
      <source>Open Case File</source>
      <translation>Открыть файл дела</translation>
    </message>
    <message>
      <source>{name}: no such file</source>
      <translation>{name}: файл не найден</translation>
    </message>
  </context>
</TS>
