/** U+200B ZERO WIDTH SPACE: joins jieba words in the word index; declared a separator to its tokenizer. */
export const WORD_SEPARATOR = '\u200b';
